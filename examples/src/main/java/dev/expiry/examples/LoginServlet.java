package dev.expiry.examples;

import dev.expiry.NoExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /login}: POST starts a session that times out after {@value ExampleApp#SESSION_TIMEOUT_SECONDS}
 * second of inactivity, so that expiry is real and quick to watch. There are no credentials: the
 * example is about what happens after the session ends. With {@code next} (what Expiry puts in
 * place of {@code {path}}), it sends the user back there — only to a path of this application,
 * never to another site. GET shows a browser (an {@code Accept} that prefers HTML) the login page,
 * a form that posts {@code next} back; for curl, GET does the same as POST.
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
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains("text/html")) {
      doPost(request, response);
      return;
    }
    String next = request.getParameter("next");
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    // turbo-visit-control: a Turbo frame that was sent here loads the whole page, not a frame of it.
    response.getWriter().print("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Log in</title>
        <meta name="turbo-visit-control" content="reload"></head>
        <body><h1>Log in</h1>
        <p>No credentials needed: the session lasts one second without requests.</p>
        <form method="post" action="%s/login">
        <input type="hidden" name="next" value="%s">
        <button id="login" type="submit">Log in</button>
        </form>
        <p id="next">%s</p>
        </body></html>
        """.formatted(html(request.getContextPath()), html(isLocal(request, next) ? next : ""),
            isLocal(request, next) ? "After logging in you return to " + html(next) : ""));
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
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
