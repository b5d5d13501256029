package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A class policy for every method except POST, whose own policy wins. */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "mixed")
public class MixedServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }

  // A redirect for every kind of client on purpose: the tests exercise the redirect itself.
  @SuppressWarnings("expiry:RedirectForApi")
  @ExpiryPolicy(status = 303, location = "/login")
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
