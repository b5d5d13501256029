package dev.expiry.examples.boot.reports;

import dev.expiry.NoExpiryPolicy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A page exempt from Expiry: for it, Spring Security answers expired sessions as it always has. */
@NoExpiryPolicy(reason = "Shows Spring Security's own answer to an expired session, beside Expiry's.")
@RestController
public class ReportsController {

  @GetMapping(value = "/reports", produces = MediaType.TEXT_HTML_VALUE)
  public String reports() {
    return "<!doctype html><title>Reports</title><h1>Reports</h1>";
  }
}
