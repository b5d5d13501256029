package dev.expiry.examples;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /account}: a page that scripts call too. A browser navigating to it with an expired
 * session is sent to the login page, which sends it back here afterwards ({@code {path}}); a
 * fetch or XHR call gets a 401 it can act on, with a problem+json body, instead of a redirect it
 * would silently follow.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "example",
    params = @Param(name = "error", value = "session_expired"))
public class AccountServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().println("""
        <!doctype html>
        <title>Your account</title>
        <h1>Your account</h1>
        <p>Reload this page after a second without activity: the session will have expired,
        you will land on the login page, and logging in brings you back here.</p>
        <p><a href="form">Change your address</a> · <a href="api/orders">Your orders</a> ·
        <a href="logout">Log out</a></p>""");
  }
}
