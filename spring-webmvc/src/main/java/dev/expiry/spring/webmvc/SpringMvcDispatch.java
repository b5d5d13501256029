package dev.expiry.spring.webmvc;

import dev.expiry.runtime.FrameworkDispatch;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;

/**
 * Expiry's Spring MVC integration: behind a {@code DispatcherServlet}, the policy that answers an
 * expired session is the one of the handler method Spring itself dispatches the request to, as
 * Spring's own handler mappings find it (see {@link DispatcherLookup}). Found by the runtime
 * through {@link java.util.ServiceLoader}; there is nothing to configure.
 */
public final class SpringMvcDispatch implements FrameworkDispatch {

  private static final System.Logger LOG = System.getLogger(SpringMvcDispatch.class.getName());

  /** Called by {@link java.util.ServiceLoader}. */
  public SpringMvcDispatch() {}

  @Override
  public String framework() {
    return SPRING_MVC;
  }

  @Override
  public Lookup lookup(ServletContext context, String servletName) {
    try {
      return new DispatcherLookup(context, servletName);
    } catch (LinkageError e) {
      // A DispatcherServlet this class loader cannot see Spring MVC for: nothing to ask.
      LOG.log(Level.WARNING, "Expiry cannot ask Spring MVC about servlet \"" + servletName + "\": Spring MVC is"
          + " not visible to expiry-spring-webmvc; Spring answers its expired requests itself", e);
      return request -> null;
    }
  }
}
