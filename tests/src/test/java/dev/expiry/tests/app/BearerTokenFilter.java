package dev.expiry.tests.app;

import dev.expiry.Expired;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A token check in front of the servlets, as an application writes one: only {@value #VALID} is a
 * live token; a missing or any other one has expired and is reported with {@code
 * ExpiryResponses.send(..., Expired.ACCESS_TOKEN)}. When that returns false (the endpoint declares
 * no policy for it), the filter records it in {@value #SENT} and lets the request through.
 */
public class BearerTokenFilter extends HttpFilter {

  /** The {@code Authorization} value of a token that has not expired. */
  public static final String VALID = "Bearer fresh";

  /** Response header: what {@code send} returned, when it returned false. */
  public static final String SENT = "X-Token-Expiry-Sent";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!VALID.equals(request.getHeader("Authorization"))) {
      if (ExpiryResponses.send(request, response, Expired.ACCESS_TOKEN)) {
        return;
      }
      response.setHeader(SENT, "false");
    }
    chain.doFilter(request, response);
  }
}
