package dev.expiry.runtime;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * Serves the expiry policies declared with {@link dev.expiry.ExpiryPolicy}.
 *
 * <p>When a request presents a session id that the container no longer recognizes (the session
 * expired, was invalidated, or never existed) and the servlet the container mapped the request to
 * declares a policy for the request's HTTP method, the filter writes that policy's response and
 * does not call the servlet. Every other request passes through untouched. Which policy answers
 * depends on the kind of client (see {@link dev.expiry.Client}); the body is problem+json, plain
 * text or a small HTML page, as the client can read it; the stale session cookie is deleted
 * unless the context init parameter {@code dev.expiry.clearStaleCookie} is {@code false}.
 *
 * <p>The filter never creates a session. For requests with a valid session or none it makes two
 * calls on the request and allocates nothing.
 *
 * <p>In a WAR the filter registers itself (see {@link ExpiryInitializer}). In an embedded container
 * call {@link #register(ServletContext)} once, or add the filter for {@code /*} yourself.
 */
public final class ExpiryFilter implements Filter {

  /** The name the filter is registered under by {@link #register(ServletContext)}. */
  public static final String NAME = "dev.expiry.ExpiryFilter";

  private Responder responder;

  /** Creates the filter; the container calls {@link #init(FilterConfig)} before use. */
  public ExpiryFilter() {}

  /**
   * Registers the filter for every request of the context, ahead of filters declared later. Does
   * nothing when an {@code ExpiryFilter} is already registered, so calling it twice, or alongside
   * the automatic registration, is harmless.
   *
   * @return the registration, or {@code null} when the filter was already registered
   */
  public static FilterRegistration.Dynamic register(ServletContext context) {
    for (FilterRegistration existing : context.getFilterRegistrations().values()) {
      if (ExpiryFilter.class.getName().equals(existing.getClassName())) {
        return null;
      }
    }
    FilterRegistration.Dynamic registration = context.addFilter(NAME, ExpiryFilter.class);
    if (registration == null) {
      return null; // a filter of that name exists already
    }
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    return registration;
  }

  @Override
  public void init(FilterConfig config) {
    // Null on a container older than the Servlet API Expiry needs (6.0) or a broken class path
    // (logged once): the application still starts, and every request passes through.
    this.responder = Responder.of(config.getServletContext());
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse httpResponse
        && http.getRequestedSessionId() != null
        && !http.isRequestedSessionIdValid()
        && responder != null) {
      if (responder.sendExpiredSession(http, httpResponse)) {
        return;
      }
      if (http.getAttribute(ExpiryResponses.PENDING) != null) {
        // Left to the framework's integration inside its servlet: see afterwards whether it took it.
        try {
          chain.doFilter(request, response);
        } finally {
          responder.unanswered(http);
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  @Override
  public void destroy() {
    responder = null;
  }
}
