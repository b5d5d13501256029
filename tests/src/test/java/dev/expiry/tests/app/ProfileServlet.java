package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An OAuth-style endpoint: a Bearer challenge with further auth-params. */
@ExpiryPolicy(
    status = 401,
    scheme = "Bearer",
    realm = "example",
    params = {
      @Param(name = "error", value = "invalid_token"),
      @Param(name = "error_description", value = "The session has expired")
    })
public class ProfileServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
