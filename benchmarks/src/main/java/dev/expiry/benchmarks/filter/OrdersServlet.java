package dev.expiry.benchmarks.filter;

import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The endpoint every benchmark protects. It declares one policy twice: with {@link ExpiryPolicy},
 * which the processor compiles into a handler, and with its run-time twin {@link RuntimePolicy},
 * which {@link ReflectionExpiryFilter} reads by reflection. Both render to {@link #CHALLENGE}.
 */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "http://example.com",
    params = @Param(name = "error", value = "session_expired"))
@RuntimePolicy(status = 401, scheme = "MyAuthScheme", realm = "http://example.com",
    params = @RuntimeParam(name = "error", value = "session_expired"))
public class OrdersServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The challenge every variant must send for an expired session. */
  public static final String CHALLENGE = "MyAuthScheme realm=\"http://example.com\", error=\"session_expired\"";

  private static final byte[] BODY = "{\"orders\":[]}\n".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("application/json");
    response.setContentLength(BODY.length);
    response.getOutputStream().write(BODY);
  }
}
