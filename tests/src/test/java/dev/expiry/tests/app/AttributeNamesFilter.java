package dev.expiry.tests.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * Reports the names of the request's attributes as a filter after Expiry's sees them, before any
 * servlet runs, in {@value #HEADER} (sorted, comma-separated; {@code -} for none).
 */
public class AttributeNamesFilter extends HttpFilter {

  /** Response header: the attribute names. */
  public static final String HEADER = "X-Request-Attributes";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String names = Collections.list(request.getAttributeNames()).stream().sorted().collect(Collectors.joining(","));
    response.setHeader(HEADER, names.isEmpty() ? "-" : names);
    chain.doFilter(request, response);
  }
}
