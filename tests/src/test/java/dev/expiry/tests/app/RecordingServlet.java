package dev.expiry.tests.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Base of the test endpoints. Every request that reaches an endpoint is marked with the {@value
 * #RAN} header and a body naming the servlet and method, so a test can prove whether the servlet
 * ran.
 */
public abstract class RecordingServlet extends HttpServlet {

  /** Response header set by every endpoint that runs; its value is the servlet's simple name. */
  public static final String RAN = "X-Servlet-Ran";

  /** The body an endpoint of this class writes for the given method. */
  public static String body(Class<? extends RecordingServlet> servlet, String method) {
    return servlet.getSimpleName() + " ran " + method;
  }

  /** Marks the response as written by this servlet. */
  protected final void ran(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader(RAN, getClass().getSimpleName());
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print(body(getClass(), request.getMethod()));
  }
}
