package dev.expiry.examples;

import dev.expiry.NoExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /logout}: invalidates the session. The client keeps its cookie, so its next request to a
 * protected endpoint gets the expiry answer, just as after a timeout.
 */
@NoExpiryPolicy(reason = "Logging out of a session that has already expired is already done.")
public class LogoutServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().println("Logged out.");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doPost(request, response);
  }
}
