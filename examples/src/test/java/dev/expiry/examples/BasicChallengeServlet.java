package dev.expiry.examples;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /basic}: a Basic challenge, to see the browser ask for credentials, as the rule warns. */
@SuppressWarnings("expiry:BasicPromptsBrowser") // the point of this endpoint
@ExpiryPolicy(status = 401, scheme = "Basic", realm = "example")
public class BasicChallengeServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("application/json");
    response.getWriter().print("{\"ok\":true}");
  }
}
