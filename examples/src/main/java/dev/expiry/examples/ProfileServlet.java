package dev.expiry.examples;

import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /api/profile}: an OAuth-style API. An expired session gets a 401 with a Bearer challenge
 * carrying the RFC 6750 error parameters.
 */
@ExpiryPolicy(
    status = 401,
    scheme = "Bearer",
    realm = "example",
    params = {
      @Param(name = "error", value = "invalid_token"),
      @Param(name = "error_description", value = "The session has expired")
    })
public class ProfileServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.getWriter().println("{\"name\": \"Ada\", \"email\": \"ada@example.com\"}");
  }
}
