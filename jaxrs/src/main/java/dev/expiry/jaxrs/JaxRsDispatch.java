package dev.expiry.jaxrs;

import dev.expiry.runtime.FrameworkDispatch;
import jakarta.servlet.ServletContext;

/**
 * The runtime's way into JAX-RS, found through {@link java.util.ServiceLoader}: a JAX-RS runtime
 * decides inside its servlet which resource method runs, so the servlet filter marks an expired
 * session and {@link ExpiryRequestFilter} answers it there.
 */
public final class JaxRsDispatch implements FrameworkDispatch {

  /** Created by {@link java.util.ServiceLoader}. */
  public JaxRsDispatch() {}

  @Override
  public String framework() {
    return JAX_RS;
  }

  @Override
  public Lookup lookup(ServletContext context, String servletName) {
    return JaxRsLookup.of(context, servletName);
  }
}
