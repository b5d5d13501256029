package dev.expiry.examples;

import dev.expiry.NoExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /login}: starts a session that times out after {@value ExampleApp#SESSION_TIMEOUT_SECONDS}
 * second of inactivity, so that expiry is real and quick to watch. There are no credentials: the
 * example is about what happens after the session ends. GET does the same as POST, for curl and
 * browsers. With {@code next} (what Expiry puts in place of {@code {path}}), it sends the user back
 * there — only to a path of this application, never to another site.
 */
@NoExpiryPolicy(reason = "The login page itself: it starts a new session, whatever the state of the old one.")
public class LoginServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval(ExampleApp.SESSION_TIMEOUT_SECONDS);
    String next = request.getParameter("next");
    if (isLocal(request, next)) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", next);
      return;
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().println("Logged in. The session expires after "
        + ExampleApp.SESSION_TIMEOUT_SECONDS + " second of inactivity.");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doPost(request, response);
  }

  /** A path in this application: no scheme, no host, no {@code //}, no backslash tricks. */
  static boolean isLocal(HttpServletRequest request, String next) {
    return next != null
        && next.startsWith(request.getContextPath() + "/")
        && !next.startsWith("//")
        && next.indexOf('\\') < 0
        && next.chars().noneMatch(Character::isISOControl);
  }
}
