package dev.expiry.tests.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Logs in by creating a session. The optional parameter {@value #MAX_INACTIVE} sets the session's
 * timeout in seconds. GET and POST behave alike.
 */
public class LoginServlet extends HttpServlet {

  /** Request parameter: the new session's maximum inactive interval, in seconds. */
  public static final String MAX_INACTIVE = "maxInactive";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(true);
    String maxInactive = request.getParameter(MAX_INACTIVE);
    if (maxInactive != null) {
      session.setMaxInactiveInterval(Integer.parseInt(maxInactive));
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print("logged in");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doGet(request, response);
  }
}
