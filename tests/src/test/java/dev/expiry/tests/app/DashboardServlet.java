package dev.expiry.tests.app;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A policy for every client and one for browsers: browsers must get theirs, not the ANY one. */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "dashboard")
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
public class DashboardServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
