package dev.expiry.examples.spring;

import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC controller behind the {@code DispatcherServlet} at {@code /shop/*}. The composed
 * {@link ShopSessionPolicy} on the class covers every handler; posting a review, which a script
 * does, answers with a Bearer challenge of its own.
 */
@ShopSessionPolicy
@RestController
@RequestMapping("/catalog")
public class CatalogController {

  @GetMapping("/{id:\\d+}")
  public String item(@PathVariable("id") String id) {
    return "{\"id\": " + id + ", \"name\": \"Teapot\"}";
  }

  @ExpiryPolicy(status = 401, scheme = "Bearer", realm = "shop",
      params = @Param(name = "error", value = "invalid_token"))
  @PostMapping("/{id:\\d+}/reviews")
  public String review(@PathVariable("id") String id) {
    return "{\"item\": " + id + ", \"review\": \"saved\"}";
  }
}
