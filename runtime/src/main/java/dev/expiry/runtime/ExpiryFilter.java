package dev.expiry.runtime;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the expiry policies declared with {@link dev.expiry.ExpiryPolicy}.
 *
 * <p>When a request presents a session id that the container no longer recognizes (the session
 * expired, was invalidated, or never existed) and the servlet the container mapped the request to
 * declares a policy for the request's HTTP method, the filter writes that policy's response and
 * does not call the servlet. Every other request passes through untouched.
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

  private static final System.Logger LOG = System.getLogger(ExpiryFilter.class.getName());

  /** Marks a servlet name that has no policies, so that the lookup is never repeated. */
  private static final EndpointPolicies NONE = EndpointPolicies.of(new ExpiryHandler() {
    @Override
    public String endpoint() {
      return "";
    }

    @Override
    public void declare(Policies policies) {}
  });

  private final Map<String, EndpointPolicies> byServletName = new ConcurrentHashMap<>();
  private volatile ServletContext context;
  private volatile ExpiryIndex index;

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
    ServletContext ctx = config.getServletContext();
    ExpiryIndex loaded = ExpiryIndex.load(ctx.getClassLoader(), ctx.getContextPath());
    this.context = ctx;
    this.index = loaded;
    // Resolve the servlets known now; servlets added later are resolved on first use.
    for (Map.Entry<String, ? extends ServletRegistration> e : ctx.getServletRegistrations().entrySet()) {
      byServletName.put(e.getKey(), policiesOf(e.getValue().getClassName()));
    }
    ctx.log("Expiry: " + loaded.size() + " endpoint(s) with an expiry policy");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse httpResponse
        && http.getRequestedSessionId() != null
        && !http.isRequestedSessionIdValid()
        && respondExpired(http, httpResponse)) {
      return;
    }
    chain.doFilter(request, response);
  }

  /** Writes the policy for an expired session, if the target servlet declares one. */
  private boolean respondExpired(HttpServletRequest request, HttpServletResponse response) {
    try {
      if (response.isCommitted()) {
        return false;
      }
      ExpiryResponse expired = responseFor(request);
      if (expired == null) {
        return false;
      }
      expired.writeTo(response);
      return true;
    } catch (RuntimeException e) {
      // Odd requests must never break the application: log and let the request through.
      LOG.log(Level.WARNING, "Expiry could not answer an expired session; passing the request on", e);
      return false;
    }
  }

  /** The response the request's servlet declares for an expired session, or {@code null}. */
  ExpiryResponse responseFor(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getServletName() == null || index == null) {
      return null;
    }
    EndpointPolicies policies = byServletName.get(mapping.getServletName());
    if (policies == null) {
      policies = byServletName.computeIfAbsent(mapping.getServletName(), this::lookUpServlet);
    }
    return policies == NONE ? null : policies.forMethod(request.getMethod());
  }

  private EndpointPolicies lookUpServlet(String servletName) {
    ServletRegistration registration = context.getServletRegistration(servletName);
    return policiesOf(registration == null ? null : registration.getClassName());
  }

  private EndpointPolicies policiesOf(String className) {
    EndpointPolicies policies = index.forEndpoint(className);
    return policies == null ? NONE : policies;
  }

  @Override
  public void destroy() {
    byServletName.clear();
  }
}
