package dev.expiry.tests.app;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An endpoint whose session policy sends no one anywhere, while its access-token policy sends
 * browsers to the login page: a session's answer links that login page, {@code {path}} being the
 * page a frame or a script is on.
 */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "linked")
@ExpiryPolicy(on = Expired.ACCESS_TOKEN, client = dev.expiry.Client.BROWSER, status = 303,
    location = "/login?next={path}")
public class LinkedServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
