package dev.expiry.tests.spring.plain;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** No policy anywhere: its requests reach it whatever their session. */
@RestController
public class PlainController {

  @GetMapping("/plain")
  public String plain() {
    return "plain";
  }

  /** More specific than {@code /orders/{id}}, so the orders policy must not answer it. */
  @GetMapping("/orders/special")
  public String special() {
    return "special";
  }
}
