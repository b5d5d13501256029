package dev.expiry.examples;

import dev.expiry.Client;
import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code /form}: a CSRF-protected form. Each time the form is shown it gets a new token and the
 * previous one is stale, as when the form was opened in another tab. A post with a stale token is
 * not a login problem, so it gets its own answer: 403, saying to reload the form.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "example")
@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = "Form expired",
    detail = "This form was opened before a newer copy of it. Reload the page and submit it again.")
public class AddressFormServlet extends HttpServlet {

  private static final String TOKEN = AddressFormServlet.class.getName() + ".token";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Log in first");
      return;
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    session.setAttribute(TOKEN, token);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("X-CSRF-Token", token); // for scripts and the tour
    response.getWriter().println("""
        <!doctype html>
        <title>Your address</title>
        <script src="/expiry/expiry.js"></script>
        <form id="address" method="post" data-expiry-keep>
          <input type="hidden" name="csrf" value="%s">
          <label>Street <input id="street" name="street"></label>
          <button id="save">Save</button>
        </form>""".formatted(token));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(TOKEN);
    String sent = request.getParameter("csrf");
    if (expected == null || !expected.equals(sent)) {
      if (ExpiryResponses.send(request, response, Expired.CSRF_TOKEN)) {
        return;
      }
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    session.removeAttribute(TOKEN);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().println("Address saved.");
  }
}
