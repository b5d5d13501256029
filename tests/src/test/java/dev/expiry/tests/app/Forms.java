package dev.expiry.tests.app;

import dev.expiry.Expired;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The CSRF check of the test endpoints, as an application does it: a form carries the token in
 * the parameter {@value #CSRF}; {@value #FRESH} is the only valid one, any other value has
 * expired and is reported with {@link ExpiryResponses#send}. What {@code send} returned is recorded
 * in the response header {@value #SENT} when the servlet goes on to answer itself.
 */
public final class Forms {

  /** Form parameter carrying the CSRF token. */
  public static final String CSRF = "csrf";

  /** The CSRF token that has not expired. */
  public static final String FRESH = "fresh";

  /** Response header: what {@code ExpiryResponses.send} returned, when it returned false. */
  public static final String SENT = "X-Expiry-Sent";

  private Forms() {}

  /**
   * Checks the request's CSRF token, if it carries one. Returns {@code true} when it had expired
   * and the endpoint's CSRF policy answered, so the servlet must stop.
   */
  static boolean csrfTokenExpired(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String token = request.getParameter(CSRF);
    if (token == null || FRESH.equals(token)) {
      return false;
    }
    return report(request, response, Expired.CSRF_TOKEN);
  }

  /** Reports an expiry; records a {@code false} answer in {@value #SENT}. */
  static boolean report(HttpServletRequest request, HttpServletResponse response, Expired on)
      throws IOException {
    boolean sent = ExpiryResponses.send(request, response, on);
    if (!sent) {
      response.setHeader(SENT, "false");
    }
    return sent;
  }
}
