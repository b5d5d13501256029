package dev.expiry.examples.boot.notes;

import dev.expiry.NoExpiryPolicy;
import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.examples.boot.shop.Html;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A form that declares only a CSRF answer. Posted after the session expired, its token is gone
 * with the session: with no session policy to answer, the CSRF policy does (not Spring Security's
 * 403 page). Declare a session policy as well (as the shop's forms do) to send the user to log in.
 */
@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = "Note not saved",
    detail = "This form's security token is no longer valid. Reload the page and write the note again.")
@RestController
public class NotesController {

  @NoExpiryPolicy(reason = "Shows a form with only a CSRF answer: posted after the session expired, the CSRF"
      + " policy answers.")
  @GetMapping(value = "/notes", produces = MediaType.TEXT_HTML_VALUE)
  public String form(CsrfToken csrf) {
    return "<!doctype html><title>Notes</title><form method=post action=/notes>" + Html.csrfField(csrf)
        + "<textarea name=text></textarea><button>Save</button></form>";
  }

  @NoExpiryPolicy(reason = "Shows a form with only a CSRF answer: posted after the session expired, the CSRF"
      + " policy answers.")
  @PostMapping("/notes")
  public String save(@RequestParam String text) {
    return "Noted: " + text;
  }
}
