package dev.expiry.tests.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Logs in by creating a session. The optional parameter {@value #MAX_INACTIVE} sets the session's
 * timeout in seconds. With the parameter {@value #NEXT}, as an expiry redirect's {@code {path}}
 * fills it in, it sends the client back there with 303; like any real login page it only sends
 * it to a path inside the application, never elsewhere (400). GET and POST behave alike.
 */
public class LoginServlet extends HttpServlet {

  /** Request parameter: the new session's maximum inactive interval, in seconds. */
  public static final String MAX_INACTIVE = "maxInactive";

  /** Request parameter: where to send the client once logged in, a path and query. */
  public static final String NEXT = "next";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String next = request.getParameter(NEXT);
    if (next != null && !insideTheApplication(next, request.getContextPath())) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "next must be a path of this application");
      return;
    }
    HttpSession session = request.getSession(true);
    String maxInactive = request.getParameter(MAX_INACTIVE);
    if (maxInactive != null) {
      session.setMaxInactiveInterval(Integer.parseInt(maxInactive));
    }
    if (next != null) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", next);
      return;
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print("logged in");
  }

  /** No open redirect: a path under the context path, not {@code //host} nor {@code /\host}. */
  private static boolean insideTheApplication(String next, String contextPath) {
    return next.startsWith(contextPath + "/")
        && !next.startsWith("//")
        && next.indexOf('\\') < 0
        && next.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doGet(request, response);
  }
}
