package dev.expiry.spring.security;

import dev.expiry.runtime.ExpiryFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * {@link ExpiryFilter} as a member of a Spring Security filter chain, where {@link
 * ExpiryConfigurer} puts it: after the chain's {@code HeaderWriterFilter} and {@code CorsFilter},
 * so that Expiry's answers carry Spring Security's headers and CORS headers, and before {@code
 * CsrfFilter}, the authentication filters and {@code SessionManagementFilter}, so that an expired
 * session gets the endpoint's policy, not Spring Security's redirect or a CSRF 403.
 *
 * <p>The servlet container does not initialize the members of a Spring Security chain: the filter
 * initializes itself with the servlet context of the first request it sees. It answers and passes
 * requests exactly as {@code ExpiryFilter} does, and never creates a session. Where the chain
 * keeps saved requests in a cookie ({@code CookieRequestCache}), a browser that Expiry redirects
 * to the login page is returned to the page it asked for after logging in (see {@link
 * ReturnAfterLogin}).
 */
public final class ExpirySecurityFilter implements Filter {

  private final ExpiryFilter filter = new ExpiryFilter();
  private final RequestCache returnTo;
  private volatile boolean initialized;

  ExpirySecurityFilter(RequestCache returnTo) {
    this.returnTo = returnTo;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!initialized) {
      initialize(request.getServletContext());
    }
    if (returnTo != null && request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse httpResponse
        && http.getRequestedSessionId() != null && !http.isRequestedSessionIdValid()) {
      // Only Expiry's own answer goes through the saving response; the rest of the chain gets
      // the response as it came.
      filter.doFilter(request, ReturnAfterLogin.saving(http, httpResponse, returnTo),
          (passed, ignored) -> chain.doFilter(passed, httpResponse));
      return;
    }
    filter.doFilter(request, response, chain);
  }

  private synchronized void initialize(ServletContext context) {
    if (!initialized) {
      filter.init(new Config(context));
      initialized = true;
    }
  }

  @Override
  public String toString() {
    return "ExpirySecurityFilter";
  }

  /** The configuration a container would give the filter: its name and the application. */
  private record Config(ServletContext context) implements FilterConfig {

    @Override
    public String getFilterName() {
      return ExpiryFilter.NAME;
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }

    @Override
    public String getInitParameter(String name) {
      return null;
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
      return Collections.emptyEnumeration();
    }
  }
}
