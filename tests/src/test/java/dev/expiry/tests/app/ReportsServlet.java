package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A policy on {@code doGet} only and no class policy: GET, and HEAD through it, are covered; POST
 * is not.
 */
public class ReportsServlet extends RecordingServlet {

  @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "reports")
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
