package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A proxy-style endpoint answering 407, mapped with {@code @WebServlet} and no explicit name, so
 * the container names it after its class.
 */
@ExpiryPolicy(status = 407, scheme = "MyProxyScheme", realm = "gateway")
@WebServlet("/gateway/*")
public class GatewayServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
