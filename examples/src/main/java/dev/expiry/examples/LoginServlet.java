package dev.expiry.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /login}: starts a session that times out after {@value ExampleApp#SESSION_TIMEOUT_SECONDS}
 * second of inactivity, so that expiry is real and quick to watch. There are no credentials: the
 * example is about what happens after the session ends. GET does the same as POST, for curl and
 * browsers.
 */
public class LoginServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval(ExampleApp.SESSION_TIMEOUT_SECONDS);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().println("Logged in. The session expires after "
        + ExampleApp.SESSION_TIMEOUT_SECONDS + " second of inactivity.");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doPost(request, response);
  }
}
