package dev.expiry.tests.app;

import dev.expiry.Client;
import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Repeated policies on the class and on methods. The class sends browsers to the login page and
 * challenges API clients. {@code doPost} adds a CSRF policy (title and detail left to their
 * defaults) and its own API challenge, and leaves browsers to the class. {@code doPut} declares
 * its own ANY and BROWSER policies. GET has no CSRF policy anywhere.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "checkout")
public class CheckoutServlet extends RecordingServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (Forms.csrfTokenExpired(request, response)) {
      return;
    }
    ran(request, response);
  }

  @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403)
  @ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "checkout-post")
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (Forms.csrfTokenExpired(request, response)) {
      return;
    }
    ran(request, response);
  }

  @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "checkout-put")
  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
  @Override
  protected void doPut(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
