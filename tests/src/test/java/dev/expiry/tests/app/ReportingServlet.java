package dev.expiry.tests.app;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reports the expiry named by the parameter {@value #REPORT} with {@code ExpiryResponses.send}
 * and answers itself, with {@code X-Expiry-Sent: false}, when that returned false. It declares
 * policies for sessions and CSRF tokens, none for access tokens. With {@value #WRITE_FIRST} it
 * starts writing its page through {@code getWriter()} before it reports, as a servlet or an error
 * handler that notices late does.
 */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "reporting")
@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = "Form expired")
public class ReportingServlet extends RecordingServlet {

  /** Request parameter: the {@link Expired} constant to report. */
  public static final String REPORT = "report";

  /** Request parameter: write part of a page before reporting. */
  public static final String WRITE_FIRST = "writeFirst";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getParameter(WRITE_FIRST) != null) {
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().print("<!DOCTYPE html><p>Your orders: ");
    }
    String report = request.getParameter(REPORT);
    if (report != null && Forms.report(request, response, Expired.valueOf(report))) {
      return;
    }
    response.resetBuffer();
    ran(request, response);
  }
}
