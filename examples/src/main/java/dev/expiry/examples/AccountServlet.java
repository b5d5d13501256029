package dev.expiry.examples;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /account}: a page for browsers. An expired session is sent to the login page with a 303,
 * which a browser follows with a GET.
 */
@ExpiryPolicy(status = 303, location = "/login")
public class AccountServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().println("""
        <!doctype html>
        <title>Your account</title>
        <h1>Your account</h1>
        <p>Reload this page after a second without activity: the session will have expired
        and you will land on the login page.</p>
        <p><a href="api/orders">Your orders</a> · <a href="logout">Log out</a></p>""");
  }
}
