package dev.expiry.examples;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /legacy/cart}: kept for an old client that was written against a framework that answers
 * 419 "Page Expired". 419 is in no registry, and a generic client reads it as 400 (RFC 9110 §15),
 * so the processor warns ({@code NonStandardStatus}). Here the 419 is deliberate, and the
 * suppression says so where the next reader will see it. New endpoints should use 401 with a
 * challenge instead.
 */
@SuppressWarnings("expiry:NonStandardStatus") // the old client only understands 419
@ExpiryPolicy(status = 419, title = "Page Expired", detail = "Your session has expired. Log in again.")
public class LegacyServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.getWriter().println("{\"items\": 3}");
  }
}
