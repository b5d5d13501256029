package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An API endpoint with a custom-scheme challenge for every method. */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "http://example.com")
public class OrdersServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
