package dev.expiry.tests.spring;

import dev.expiry.ExpiryPolicy;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inherits its only handler method; its class policy answers on it. */
@ExpiryPolicy(status = 401, scheme = "BooksScheme", realm = "items")
@RestController
@RequestMapping("/books")
public class BooksController extends AbstractItemsController {

  @Override
  protected String kind() {
    return "book";
  }
}
