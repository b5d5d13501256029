package dev.expiry.examples.boot.shop;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A CSRF-protected form. A post whose token Spring Security rejects gets the form's own answer
 * (reload the form), not Spring Security's bare 403; a post after the session expired gets the
 * session answer ({@link ShopSessionPolicy}: log in again), because that is what expired.
 */
@ShopSessionPolicy
@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = "Form expired",
    detail = "This form's security token is no longer valid. Reload the page and submit it again.")
@RestController
public class AddressController {

  @GetMapping(value = "/address", produces = MediaType.TEXT_HTML_VALUE)
  public String form(CsrfToken csrf) {
    return "<!doctype html><title>Address</title><form method=post action=/address>" + Html.csrfField(csrf)
        + "<label>Street <input name=street></label><button>Save</button></form>";
  }

  @PostMapping("/address")
  public String save(@RequestParam String street) {
    return "Saved: " + street;
  }
}
