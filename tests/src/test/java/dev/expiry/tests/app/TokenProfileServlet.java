package dev.expiry.tests.app;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An endpoint behind {@link BearerTokenFilter} with a policy for an expired access token only
 * (title and detail left to their defaults), none for sessions.
 */
@ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 401, scheme = "Bearer", realm = "tokens",
    params = @Param(name = "error", value = "invalid_token"))
public class TokenProfileServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
