package dev.expiry.tests.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** No policy of its own: the package default applies. */
@RestController
public class ProfileController {

  @GetMapping("/profile")
  public String profile() {
    return "profile";
  }
}
