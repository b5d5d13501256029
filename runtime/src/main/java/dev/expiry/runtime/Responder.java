package dev.expiry.runtime;

import dev.expiry.Client;
import dev.expiry.Expired;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
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

  /** Where the kind of client decides: what tells the kinds apart, and a prefetch (it keeps the stale cookie). */
  static final String VARY = "Sec-Fetch-Mode, X-Requested-With, Accept, Upgrade-Insecure-Requests, Sec-Purpose";

  /**
   * Where browsers get a redirect: also what tells a frame (it gets the challenge page) and the
   * client libraries that get the redirect in their own form.
   */
  static final String VARY_DIALECTS = VARY + ", Sec-Fetch-Dest, HX-Request, Faces-Request, X-Inertia, Turbo-Frame,"
      + " X-Turbo-Request-Id";

  /** ...and, when the location has {@code {path}}, the headers that say which page a fragment is on. */
  static final String VARY_DIALECTS_PAGE = VARY_DIALECTS + ", HX-Current-URL, Referer";

  /** Where the kind decides and a login location with {@code {path}} is in the body: the page script is on. */
  static final String VARY_PAGE = VARY + ", Sec-Fetch-Dest, Referer";

  private static final String ATTRIBUTE = Responder.class.getName();
  private static final System.Logger LOG = System.getLogger(Responder.class.getName());

  /**
   * What a servlet name leads to: a servlet class's own answers, or a framework's lookup. Exactly
   * one is set.
   */
  private record Target(ExpiryIndex.ServletAnswers servlet, FrameworkDispatch.Lookup framework) {}

  /** Marks a servlet name that has no policies, so that the lookup is never repeated. */
  private static final Target NONE = new Target(null, null);

  private final ServletContext context;
  private final ExpiryIndex index;
  private final boolean clearStaleCookie;
  private final String staleCookie;
  private final String staleSecureCookie;
  /** The session manager's own deletion, when it keeps its own cookie; else {@code null}. */
  private final StaleSessionCookie sessionManagerCookie;
  private final FrameworkServlets frameworks;
  private final Map<String, Target> byServletName = new ConcurrentHashMap<>();

  private Responder(ServletContext context) {
    this.context = context;
    ClassLoader loader = classLoaderOf(context);
    this.index = ExpiryIndex.load(loader, context.getContextPath());
    this.clearStaleCookie = !ExpiryInitializer.isOff(context, CLEAR_STALE_COOKIE);
    this.staleCookie = staleSessionCookie(context, false);
    this.staleSecureCookie = staleSessionCookie(context, true);
    this.sessionManagerCookie = context.getAttribute(StaleSessionCookie.ATTRIBUTE) instanceof StaleSessionCookie own
        ? own : null;
    if (staleCookie == null) {
      context.log("Expiry: the session cookie configuration has characters a Set-Cookie header cannot"
          + " carry; stale session cookies are not deleted");
    }
    this.frameworks = FrameworkServlets.of(context, loader);
    // Resolve the servlets known now; servlets added later are resolved on first use.
    for (Map.Entry<String, ? extends ServletRegistration> e : context.getServletRegistrations().entrySet()) {
      byServletName.put(e.getKey(), targetOf(e.getKey(), e.getValue().getClassName()));
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

  /** Stands in the context attribute when the responder cannot be created here. */
  private static final String DISABLED = Responder.class.getName() + ".disabled";

  /**
   * The application's responder, created on first use; {@code null} when it cannot be created
   * here (a container older than the Servlet API Expiry needs, a broken class path), which is
   * logged once, so that every request passes through as if Expiry were absent.
   */
  static Responder of(ServletContext context) {
    Object existing = context.getAttribute(ATTRIBUTE);
    if (existing instanceof Responder r) {
      return r;
    }
    if (DISABLED.equals(existing)) {
      return null;
    }
    synchronized (Responder.class) {
      existing = context.getAttribute(ATTRIBUTE);
      if (existing instanceof Responder r) {
        return r;
      }
      if (DISABLED.equals(existing)) {
        return null;
      }
      Responder created;
      try {
        created = new Responder(context);
      } catch (RuntimeException | LinkageError e) {
        LOG.log(Level.WARNING, "Expiry cannot serve expiry policies here; requests pass through", e);
        context.setAttribute(ATTRIBUTE, DISABLED);
        return null;
      }
      context.setAttribute(ATTRIBUTE, created);
      LOG.log(Level.INFO, "Expiry: " + created.index.servletCount() + " servlet(s) and "
          + created.index.handlerCount() + " framework handler method(s) with an expiry policy");
      return created;
    }
  }

  /**
   * The sizes of what is kept across requests, for tests and diagnostics: servlets by name (bounded
   * by the context's servlets) and handler methods resolved (bounded by the application's methods).
   */
  String cacheSizes() {
    return "servlets=" + byServletName.size() + " handlers=" + index.resolvedCount();
  }

  /**
   * Writes the policy the request's endpoint declares for this expiry.
   *
   * @return whether a policy answered; when not, nothing was written
   */
  boolean send(HttpServletRequest request, HttpServletResponse response, Expired on) throws IOException {
    return answer(request, response, on, false);
  }

  /**
   * For the filter: writes the policy for an expired session, or, behind a framework that decides
   * inside its servlet, marks the request for the integration there without asking it (the
   * framework has not seen the request yet, so it cannot tell).
   *
   * @return whether a policy answered; when not, nothing was written
   */
  boolean sendExpiredSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
    return answer(request, response, Expired.SESSION, true);
  }

  private boolean answer(HttpServletRequest request, HttpServletResponse response, Expired on, boolean beforeFramework)
      throws IOException {
    AnswerRow row;
    try {
      if (response.isCommitted()) {
        return false;
      }
      row = rowFor(request, on, beforeFramework);
    } catch (RuntimeException | LinkageError e) {
      // Odd requests, or a framework that fails to match, must never break the application.
      LOG.log(Level.WARNING, "Expiry could not find the endpoint of an expired " + on + "; passing the request on", e);
      return false;
    }
    return send(request, response, on, row);
  }

  private boolean send(HttpServletRequest request, HttpServletResponse response, Expired on, AnswerRow row)
      throws IOException {
    ExpiryResponse expired;
    int kind;
    int dialect;
    int fetch;
    boolean redirects;
    boolean clear;
    ExpiryResponse login;
    try {
      if (row == null || response.isCommitted()) {
        return false;
      }
      String mode = request.getHeader("Sec-Fetch-Mode");
      kind = Kinds.kindOf(request, mode);
      // A redirect for browsers is the intent "send the user there": client libraries that would
      // follow it into a fragment (or not at all) get it in the form each acts on.
      ExpiryResponse browser = row.forKind(on, Client.BROWSER);
      redirects = browser != null && browser.isRedirect();
      dialect = redirects ? Kinds.dialectOf(request) : Kinds.PLAIN;
      expired = dialect != Kinds.PLAIN ? browser : row.forKind(on, Kinds.client(kind));
      fetch = Kinds.fetchOf(request, mode, kind);
      if (fetch == Kinds.FRAME && dialect == Kinds.PLAIN && redirects) {
        // Not the login page inside a frame: the challenge, as a page that links the login page
        // for the whole window.
        ExpiryResponse api = row.forKind(on, Client.API);
        if (api != null && !api.isRedirect()) {
          expired = api;
        }
      }
      if (expired == null) {
        return false;
      }
      // The stale cookie goes with the answer the user acts on, not with one no page shows.
      clear = clearStaleCookie && fetch != Kinds.BACKGROUND && fetch != Kinds.PREFETCH;
      // The session manager's own deletion first: if it fails, the request passes on with nothing
      // of Expiry's written (only what the failing callback may have added itself).
      if (on == Expired.SESSION && clear && sessionManagerCookie != null) {
        sessionManagerCookie.delete(request, response);
      }
      response.resetBuffer();
      // Where to log in again, for a login session or an access token (a CSRF token needs none).
      ExpiryResponse endpointLogin = on == Expired.CSRF_TOKEN ? null : row.login();
      login = expired.isRedirect() ? null : endpointLogin;
      boolean fromPage = endpointLogin != null && endpointLogin.locationHasPath();
      if (redirects) {
        response.addHeader("Vary", browser.locationHasPath() || fromPage ? VARY_DIALECTS_PAGE : VARY_DIALECTS);
      } else if (row.dependsOnKind(on) || !expired.isRedirect()) {
        response.addHeader("Vary", fromPage ? VARY_PAGE : VARY);
      }
      if (on == Expired.SESSION && clear && sessionManagerCookie == null
          && request.isRequestedSessionIdFromCookie()) {
        String deletion = request.isSecure() ? staleSecureCookie : staleCookie;
        if (deletion != null) {
          response.addHeader("Set-Cookie", deletion);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // Odd requests must never break the application: log and let the request through.
      LOG.log(Level.WARNING, "Expiry could not answer an expired " + on + "; passing the request on", e);
      return false;
    }
    try {
      if (dialect != Kinds.PLAIN) {
        expired.writeDialect(request, response, dialect);
      } else {
        // A page (or a frame's page) links the login page, script is told where it is; {path}
        // is the page the request came from when a frame or script asks.
        String page = login == null || (kind == Kinds.BROWSER && fetch != Kinds.FRAME) ? null : request.getHeader("Referer");
        expired.writeTo(request, response, kind, login, page, fetch == Kinds.BACKGROUND);
      }
    } catch (RuntimeException e) {
      // Status and headers are out: the answer stands, whatever part of the body is missing.
      LOG.log(Level.WARNING, "Expiry could not finish writing the answer to an expired " + on, e);
    }
    return true;
  }

  /**
   * The answers for the request at the endpoint the container mapped it to, or {@code null}: a
   * servlet's own for the request's method, or, behind a framework's servlet, those of the handler
   * method the framework itself says it would run. When the framework decides inside its servlet
   * (JAX-RS), the request is marked with what expired and left to the integration there; the
   * framework is not asked when {@code beforeFramework} says it has not seen the request yet.
   */
  private AnswerRow rowFor(HttpServletRequest request, Expired on, boolean beforeFramework) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    String servletName = mapping == null ? null : mapping.getServletName();
    if (servletName == null) {
      return null;
    }
    Target target = byServletName.get(servletName);
    if (target == null) {
      target = byServletName.computeIfAbsent(servletName, this::lookUpServlet);
    }
    if (target == NONE) {
      return null;
    }
    if (target.framework() == null) {
      return target.servlet().forMethod(request.getMethod());
    }
    FrameworkDispatch.Lookup lookup = target.framework();
    if (!beforeFramework || !lookup.decidesInside()) {
      FrameworkHandler handler = lookup.handlerOf(request);
      if (handler != null) {
        return index.handler(handler);
      }
    }
    if (lookup.decidesInside() && request.getAttribute(ExpiryResponses.PENDING) == null) {
      request.setAttribute(ExpiryResponses.PENDING, on);
    }
    return null;
  }

  /**
   * Called by the filter once the framework's servlet has run a request the filter marked {@link
   * ExpiryResponses#PENDING}: when the mark is still there, nothing inside took it, and the
   * framework's integration is told.
   */
  void unanswered(HttpServletRequest request) {
    try {
      if (!(request.getAttribute(ExpiryResponses.PENDING) instanceof Expired on)) {
        return;
      }
      // Taken off here, so that a later dispatch of the same request (an error page) is not
      // answered as this expiry.
      request.removeAttribute(ExpiryResponses.PENDING);
      HttpServletMapping mapping = request.getHttpServletMapping();
      Target target = mapping == null || mapping.getServletName() == null
          ? null : byServletName.get(mapping.getServletName());
      if (target != null && target.framework() != null) {
        target.framework().unanswered(request, on);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Expiry could not check an expired session the framework did not answer", e);
    }
  }

  /**
   * Writes the policy of a handler method the framework reported, for an integration that decides
   * inside the framework.
   *
   * @return whether a policy answered; when not, nothing was written
   */
  boolean send(HttpServletRequest request, HttpServletResponse response, Expired on, FrameworkHandler handler)
      throws IOException {
    return send(request, response, on, index.handler(handler));
  }

  private Target lookUpServlet(String servletName) {
    ServletRegistration registration = context.getServletRegistration(servletName);
    return targetOf(servletName, registration == null ? null : registration.getClassName());
  }

  private Target targetOf(String servletName, String className) {
    String framework = frameworks.frameworkOf(servletName, className);
    if (framework != null) {
      if (!index.hasHandlers()) {
        return NONE;
      }
      FrameworkDispatch.Lookup lookup;
      try {
        lookup = frameworks.lookup(framework, context, servletName);
      } catch (RuntimeException | LinkageError e) {
        LOG.log(Level.WARNING, "Expiry: the " + framework + " integration failed for servlet \"" + servletName
            + "\"; its handler methods' policies are not served", e);
        return NONE;
      }
      return lookup == null ? NONE : new Target(null, lookup);
    }
    ExpiryIndex.ServletAnswers answers = index.servlet(className);
    return answers == null ? NONE : new Target(answers, null);
  }

  /**
   * The {@code Set-Cookie} value that deletes the session cookie the client still sends, with the
   * container's own name, path and domain, so that the next request is cleanly anonymous; rendered
   * once, as the cookie configuration cannot change once the application runs. It is always
   * HttpOnly (a deletion has nothing for scripts to read, and some containers, Tomcat among them,
   * mark their session cookie HttpOnly without saying so in the SessionCookieConfig), and Secure
   * when the configuration or {@code secure} (the request) is, so that it may replace a Secure
   * cookie.
   */
  private static String staleSessionCookie(ServletContext context, boolean secure) {
    SessionCookieConfig config = context.getSessionCookieConfig();
    String name = config.getName() == null || config.getName().isBlank() ? "JSESSIONID" : config.getName().trim();
    String path = config.getPath();
    if (path == null || path.isEmpty()) {
      path = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
    }
    StringBuilder cookie = new StringBuilder(name).append("=; Path=").append(path);
    if (config.getDomain() != null && !config.getDomain().isEmpty()) {
      cookie.append("; Domain=").append(config.getDomain());
    }
    cookie.append("; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    if (secure || config.isSecure() || name.startsWith("__Secure-") || name.startsWith("__Host-")) {
      cookie.append("; Secure");
    }
    cookie.append("; HttpOnly");
    // Of the other attributes only those that decide whether the browser matches the cookie.
    String sameSite = config.getAttribute("SameSite");
    if (sameSite != null && !sameSite.isBlank()) {
      cookie.append("; SameSite=").append(sameSite.trim());
    }
    String partitioned = config.getAttribute("Partitioned");
    if (partitioned != null && !"false".equalsIgnoreCase(partitioned.trim())) {
      cookie.append("; Partitioned");
    }
    // The configuration comes from the deployer, not from requests; still, never split a header.
    String rendered = cookie.toString();
    boolean safe = ExpiryResponse.isFieldValue(rendered) && name.indexOf(';') < 0 && name.indexOf('=') < 0
        && name.indexOf(' ') < 0 && path.indexOf(';') < 0
        && (config.getDomain() == null || config.getDomain().indexOf(';') < 0)
        && (sameSite == null || sameSite.indexOf(';') < 0);
    return safe ? rendered : null;
  }

}
