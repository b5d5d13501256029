package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A class policy, a different policy on {@code doGet}, and {@code doHead} overridden without one:
 * HEAD must get the class policy, not GET's.
 */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "documents")
public class DocumentsServlet extends RecordingServlet {

  // A redirect for every kind of client on purpose: the tests exercise the redirect itself.
  @SuppressWarnings("expiry:RedirectForApi")
  @ExpiryPolicy(status = 303, location = "/login")
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
