package dev.expiry.tests.app;

import dev.expiry.Client;
import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page with a form, as the README declares it: browsers go to the login page and come back,
 * script gets a challenge, a stale CSRF token gets its own 403. GET echoes the decoded query
 * parameter {@code x} in {@value #X}, so a test can see the query survived the login round trip.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "shop",
    params = @Param(name = "error", value = "session_expired"))
@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = "CSRF token expired",
    detail = "Reload the form and submit it again")
public class AccountOrdersServlet extends RecordingServlet {

  /** Response header: the decoded value of the query parameter {@code x}. */
  public static final String X = "X-Param-X";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String x = request.getParameter("x");
    if (x != null) {
      response.setHeader(X, x);
    }
    ran(request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (Forms.csrfTokenExpired(request, response)) {
      return;
    }
    ran(request, response);
  }
}
