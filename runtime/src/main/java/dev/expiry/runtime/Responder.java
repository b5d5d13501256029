package dev.expiry.runtime;

import dev.expiry.Client;
import dev.expiry.Expired;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers expiries for one web application: finds the endpoint the container mapped a request to,
 * picks the policy for the request's method, what expired and the kind of client, and writes it.
 * One per {@link ServletContext}, shared by {@link ExpiryFilter} and {@link ExpiryResponses}.
 */
final class Responder {

  /** Context init parameter; {@code false} keeps the stale session cookie. */
  static final String CLEAR_STALE_COOKIE = "dev.expiry.clearStaleCookie";

  static final String VARY = "Sec-Fetch-Mode, Accept";

  private static final String ATTRIBUTE = Responder.class.getName();
  private static final String[] COPIED_COOKIE_ATTRIBUTES = {"SameSite", "Partitioned"};
  private static final System.Logger LOG = System.getLogger(Responder.class.getName());

  /** Marks a servlet name that has no policies, so that the lookup is never repeated. */
  private static final EndpointPolicies NONE = EndpointPolicies.of(new ExpiryHandler() {
    @Override
    public String endpoint() {
      return "";
    }

    @Override
    public void declare(Policies policies) {}
  }, "");

  private final ServletContext context;
  private final ExpiryIndex index;
  private final boolean clearStaleCookie;
  private final Map<String, EndpointPolicies> byServletName = new ConcurrentHashMap<>();

  private Responder(ServletContext context) {
    this.context = context;
    this.index = ExpiryIndex.load(classLoaderOf(context), context.getContextPath());
    this.clearStaleCookie = !"false".equalsIgnoreCase(String.valueOf(context.getInitParameter(CLEAR_STALE_COOKIE)).trim());
    // Resolve the servlets known now; servlets added later are resolved on first use.
    for (Map.Entry<String, ? extends ServletRegistration> e : context.getServletRegistrations().entrySet()) {
      byServletName.put(e.getKey(), policiesOf(e.getValue().getClassName()));
    }
  }

  /**
   * The application's class loader. An embedded container may report none (Jetty's
   * ServletContextHandler without one set), and ServiceLoader would then search only the system
   * class path: fall back to the loader the request runs with, then to this library's.
   */
  private static ClassLoader classLoaderOf(ServletContext context) {
    ClassLoader loader = context.getClassLoader();
    if (loader == null) {
      loader = Thread.currentThread().getContextClassLoader();
    }
    return loader != null ? loader : Responder.class.getClassLoader();
  }

  /** The application's responder, created on first use. */
  static Responder of(ServletContext context) {
    Object existing = context.getAttribute(ATTRIBUTE);
    if (existing instanceof Responder r) {
      return r;
    }
    synchronized (Responder.class) {
      existing = context.getAttribute(ATTRIBUTE);
      if (existing instanceof Responder r) {
        return r;
      }
      Responder created = new Responder(context);
      context.setAttribute(ATTRIBUTE, created);
      context.log("Expiry: " + created.index.size() + " endpoint(s) with an expiry policy");
      return created;
    }
  }

  /**
   * Writes the policy the request's endpoint declares for this expiry.
   *
   * @return whether a policy answered; when not, nothing was written
   */
  boolean send(HttpServletRequest request, HttpServletResponse response, Expired on) throws IOException {
    ExpiryResponse expired;
    Client kind;
    EndpointPolicies policies;
    try {
      if (response.isCommitted()) {
        return false;
      }
      policies = policiesFor(request);
      if (policies == null) {
        return false;
      }
      kind = Kinds.kindOf(request);
      expired = policies.forRequest(request.getMethod(), on, kind);
      if (expired == null) {
        return false;
      }
      response.resetBuffer();
      if (policies.dependsOnKind(request.getMethod(), on) || !expired.isRedirect()) {
        response.addHeader("Vary", VARY);
      }
      if (on == Expired.SESSION && clearStaleCookie && request.isRequestedSessionIdFromCookie()) {
        response.addCookie(staleSessionCookie());
      }
    } catch (RuntimeException e) {
      // Odd requests must never break the application: log and let the request through.
      LOG.log(Level.WARNING, "Expiry could not answer an expired " + on + "; passing the request on", e);
      return false;
    }
    expired.writeTo(request, response, kind);
    return true;
  }

  /** The policies of the endpoint the container mapped the request to, or {@code null}. */
  private EndpointPolicies policiesFor(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    String servletName = mapping == null ? null : mapping.getServletName();
    if (servletName == null) {
      return null;
    }
    EndpointPolicies policies = byServletName.get(servletName);
    if (policies == null) {
      policies = byServletName.computeIfAbsent(servletName, this::lookUpServlet);
    }
    return policies == NONE ? null : policies;
  }

  private EndpointPolicies lookUpServlet(String servletName) {
    ServletRegistration registration = context.getServletRegistration(servletName);
    return policiesOf(registration == null ? null : registration.getClassName());
  }

  private EndpointPolicies policiesOf(String className) {
    EndpointPolicies policies = index.forEndpoint(className);
    return policies == null ? NONE : policies;
  }

  /**
   * A cookie that deletes the session cookie the client still sends, with the container's own
   * name, path, domain and flags, so that the next request is cleanly anonymous.
   */
  private Cookie staleSessionCookie() {
    SessionCookieConfig config = context.getSessionCookieConfig();
    String name = config.getName() == null || config.getName().isBlank() ? "JSESSIONID" : config.getName();
    Cookie cookie = new Cookie(name, "");
    String path = config.getPath();
    if (path == null || path.isEmpty()) {
      path = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
    }
    cookie.setPath(path);
    if (config.getDomain() != null && !config.getDomain().isEmpty()) {
      cookie.setDomain(config.getDomain());
    }
    cookie.setSecure(config.isSecure());
    cookie.setHttpOnly(config.isHttpOnly());
    // Of the other attributes only those that decide whether the browser matches the cookie.
    for (String attribute : COPIED_COOKIE_ATTRIBUTES) {
      String value = config.getAttribute(attribute);
      if (value != null) {
        cookie.setAttribute(attribute, value);
      }
    }
    cookie.setMaxAge(0);
    return cookie;
  }
}
