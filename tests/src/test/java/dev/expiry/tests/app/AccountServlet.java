package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A browser page that sends an expired session to the login page, mapped with {@code @WebServlet}
 * under an explicit servlet name.
 */
// A redirect for every kind of client on purpose: the tests exercise the redirect itself.
@SuppressWarnings("expiry:RedirectForApi")
@ExpiryPolicy(status = 303, location = "/login")
@WebServlet(name = "account", urlPatterns = "/account")
public class AccountServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
