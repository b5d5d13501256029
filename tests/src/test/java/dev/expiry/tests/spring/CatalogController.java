package dev.expiry.tests.spring;

import dev.expiry.ExpiryPolicy;
import org.springframework.web.bind.annotation.RestController;

/** Implements a mapping its interface declares; the method itself carries no annotation. */
@ExpiryPolicy(status = 401, scheme = "CatalogScheme", realm = "catalog")
@RestController
public class CatalogController implements CatalogApi {

  @Override
  public String entry(String id) {
    return "entry " + id;
  }
}
