package dev.expiry.tests.spring;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A class policy, a method policy, a regex template beside a literal one, a one-character
 * wildcard beside a path variable, and a reported expiry.
 */
@ExpiryPolicy(status = 401, scheme = "OrdersScheme", realm = "orders")
@RestController
@RequestMapping("/orders")
public class OrdersController {

  @GetMapping("/{id}")
  public String get(@PathVariable("id") String id) {
    return "get " + id;
  }

  /** Matches {@code /orders/7} as {@code /{id}} does; Spring ranks it first, having no variable. */
  @ExpiryPolicy(status = 401, scheme = "SingleCharScheme", realm = "orders")
  @GetMapping("/?")
  public String single() {
    return "single";
  }

  @ExpiryPolicy(status = 401, scheme = "OrdersPostScheme", realm = "orders")
  @PostMapping("/{id}")
  public String post(@PathVariable("id") String id) {
    return "post " + id;
  }

  @ExpiryPolicy(status = 401, scheme = "NumberedScheme", realm = "orders")
  @GetMapping("/by-number/{n:\\d+}")
  public String numbered(@PathVariable("n") String n) {
    return "numbered " + n;
  }

  @GetMapping("/by-number/latest")
  public String latest() {
    return "latest";
  }

  @GetMapping("/files/**")
  public String files() {
    return "files";
  }

  /** Reports an expired CSRF token, as an application's own check would. */
  @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 400, title = "Form expired", detail = "Reload the form")
  @PostMapping("/{id}/confirm")
  public String confirm(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getHeader("X-Csrf-Expired") != null && ExpiryResponses.send(request, response, Expired.CSRF_TOKEN)) {
      return null;
    }
    return "confirmed";
  }
}
