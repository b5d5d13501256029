package dev.expiry.tests.spring;

import dev.expiry.ExpiryPolicy;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same inherited handler method as {@link BooksController}, with another policy. */
@ExpiryPolicy(status = 401, scheme = "FilmsScheme", realm = "items")
@RestController
@RequestMapping("/films")
public class FilmsController extends AbstractItemsController {

  @Override
  protected String kind() {
    return "film";
  }
}
