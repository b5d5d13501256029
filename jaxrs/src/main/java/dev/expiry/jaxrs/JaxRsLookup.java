package dev.expiry.jaxrs;

import dev.expiry.Expired;
import dev.expiry.runtime.FrameworkDispatch;
import dev.expiry.runtime.FrameworkHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JAX-RS application behind one servlet, as the runtime and {@link ExpiryRequestFilter} share
 * it (through a context attribute, whichever of them comes first): the application's {@link
 * ResourceInfo}, once JAX-RS has created the filter there.
 */
final class JaxRsLookup implements FrameworkDispatch.Lookup {

  private static final String ATTRIBUTE = JaxRsLookup.class.getName();
  private static final System.Logger LOG = System.getLogger(JaxRsLookup.class.getName());

  /** The lookups of one application, by servlet name. */
  private static final class ByServlet extends ConcurrentHashMap<String, JaxRsLookup> {}

  private final String servletName;
  /** A proxy that JAX-RS resolves against the request it is processing on the calling thread. */
  private volatile ResourceInfo matched;
  private final AtomicBoolean warned = new AtomicBoolean();

  private JaxRsLookup(String servletName) {
    this.servletName = servletName;
  }

  /** The lookup of a servlet of the application, created on first use. */
  static JaxRsLookup of(ServletContext context, String servletName) {
    ByServlet lookups;
    Object existing = context.getAttribute(ATTRIBUTE);
    if (existing instanceof ByServlet found) {
      lookups = found;
    } else {
      synchronized (JaxRsLookup.class) {
        existing = context.getAttribute(ATTRIBUTE);
        if (existing instanceof ByServlet found) {
          lookups = found;
        } else {
          lookups = new ByServlet();
          context.setAttribute(ATTRIBUTE, lookups);
        }
      }
    }
    return lookups.computeIfAbsent(servletName, JaxRsLookup::new);
  }

  /** Called when JAX-RS creates the filter in the servlet's application (again after a reload). */
  void install(ResourceInfo matched) {
    this.matched = matched;
  }

  @Override
  public boolean decidesInside() {
    return true;
  }

  /**
   * The resource method JAX-RS matched for the request being processed on this thread: called
   * from a resource method (or a post-matching filter, an exception mapper) that reports an
   * expiry. {@code null} before matching, and outside JAX-RS's processing, where its {@code
   * ResourceInfo} has no request to resolve against.
   */
  @Override
  public FrameworkHandler handlerOf(HttpServletRequest request) {
    ResourceInfo info = matched;
    if (info == null) {
      return null;
    }
    try {
      Class<?> type = info.getResourceClass();
      Method method = info.getResourceMethod();
      return type == null || method == null ? null : new FrameworkHandler(type, method);
    } catch (RuntimeException outsideTheRequestScope) {
      // A servlet filter in front of the runtime: the runtime has not matched yet; the request
      // is marked, and the filter inside answers once it has.
      return null;
    }
  }

  /**
   * Warns, once, when an expired session went through this servlet while no {@link
   * ExpiryRequestFilter} is installed in its application: the policies of its resource methods
   * are not served. When the filter is installed, the runtime matched nothing (404, 405, 406) or
   * a filter of the application answered before matching ended, and there is nothing to say.
   */
  @Override
  public void unanswered(HttpServletRequest request, Expired on) {
    if (matched == null && warned.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "Expiry: an expired session reached the JAX-RS application of servlet \""
          + servletName + "\", which does not have " + ExpiryFeature.class.getName() + " installed, so the"
          + " expiry policies of its resource methods are not served. Feature discovery is off there"
          + " (jersey.config.disableAutoDiscovery, jersey.config.server.disableAutoDiscovery or"
          + " jakarta.ws.rs.loadServices=false): register the feature with the application's providers,"
          + " for example resourceConfig.register(ExpiryFeature.class), or return it from"
          + " Application.getClasses()");
    }
  }
}
