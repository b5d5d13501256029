package dev.expiry.examples;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /api/orders}: a JSON API. An expired session gets a 401 with a custom-scheme challenge,
 * which API clients understand and browsers do not turn into a login dialog.
 */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "http://example.com")
public class OrdersServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.getWriter().println("""
        {"orders": [
          {"id": 1041, "item": "Coffee beans, 1 kg", "quantity": 2},
          {"id": 1042, "item": "Paper filters", "quantity": 1}
        ]}""");
  }
}
