package dev.expiry.tests.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A composed policy on the class. */
@ApiSessionPolicy
@RestController
public class AccountController {

  @GetMapping("/account")
  public String account() {
    return "account";
  }
}
