package dev.expiry.tests.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A mapping declared on an interface, as generated API clients and servers share it. */
public interface CatalogApi {

  @GetMapping("/catalog/{id}")
  String entry(@PathVariable("id") String id);
}
