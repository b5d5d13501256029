package dev.expiry.benchmarks.e2e;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Starts a session: the load client logs in once per connection to get a valid session cookie. */
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    request.getSession(true).setAttribute("user", "bench");
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
