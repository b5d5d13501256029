package dev.expiry.examples.boot.shop;

import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A page and the API its script calls: one policy, two answers (see {@link ShopSessionPolicy}). */
@ShopSessionPolicy
@RestController
public class OrdersController {

  @GetMapping(value = "/orders", produces = MediaType.TEXT_HTML_VALUE)
  public String page(Principal user) {
    return "<!doctype html><title>Orders</title><h1>Orders of " + Html.escape(user.getName()) + "</h1>"
        + "<ul id=orders></ul><script>fetch('/api/orders').then(r => r.json()).then(o => "
        + "o.forEach(i => orders.append(Object.assign(document.createElement('li'), {textContent: i.item}))))"
        + "</script>";
  }

  @GetMapping(value = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
  public String api() {
    return "[{\"id\":1,\"item\":\"Teapot\"},{\"id\":2,\"item\":\"Cups\"}]";
  }
}
