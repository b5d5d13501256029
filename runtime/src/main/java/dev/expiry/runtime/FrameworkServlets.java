package dev.expiry.runtime;

import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which servlets are a framework's front servlet, behind which the filter matches routes:
 * Spring MVC's {@code DispatcherServlet}, Jersey's {@code ServletContainer} (and RESTEasy's
 * {@code HttpServletDispatcher}), or a subclass of one, recognized by class name without a
 * compile-time dependency; and servlets named in the context init parameter {@value #INIT_PARAM},
 * for registrations whose class the runtime cannot see.
 */
final class FrameworkServlets {

  /**
   * Context init parameter: servlet names and their framework, {@code name=spring-mvc} or {@code
   * name=jax-rs}, separated by commas.
   */
  static final String INIT_PARAM = "dev.expiry.frameworkServlets";

  private static final System.Logger LOG = System.getLogger(FrameworkServlets.class.getName());

  private static final Map<String, String> KNOWN = Map.of(
      "org.springframework.web.servlet.DispatcherServlet", ExpiryHandler.Policies.SPRING_MVC,
      "org.glassfish.jersey.servlet.ServletContainer", ExpiryHandler.Policies.JAX_RS,
      "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher", ExpiryHandler.Policies.JAX_RS);

  private final ClassLoader loader;
  private final Map<String, String> byServletName;

  private FrameworkServlets(ClassLoader loader, Map<String, String> byServletName) {
    this.loader = loader;
    this.byServletName = Map.copyOf(byServletName);
  }

  static FrameworkServlets of(ServletContext context, ClassLoader loader) {
    Map<String, String> named = new HashMap<>();
    String param = context.getInitParameter(INIT_PARAM);
    if (param != null) {
      for (String item : param.split(",")) {
        String[] pair = item.split("=", 2);
        String framework = pair.length == 2 ? pair[1].trim().toLowerCase(Locale.ROOT) : "";
        if (framework.equals(ExpiryHandler.Policies.SPRING_MVC) || framework.equals(ExpiryHandler.Policies.JAX_RS)) {
          named.put(pair[0].trim(), framework);
        } else if (!item.isBlank()) {
          LOG.log(Level.WARNING, "Expiry: ignoring \"" + item.trim() + "\" in " + INIT_PARAM
              + "; write servletName=spring-mvc or servletName=jax-rs");
        }
      }
    }
    return new FrameworkServlets(loader, named);
  }

  /** The framework behind a servlet, or {@code null} for an ordinary servlet. */
  String frameworkOf(String servletName, String className) {
    String named = servletName == null ? null : byServletName.get(servletName);
    if (named != null || className == null) {
      return named;
    }
    String known = KNOWN.get(className);
    if (known != null) {
      return known;
    }
    try {
      // A subclass of a framework servlet: walk its superclasses by name, once per servlet.
      Class<?> type = Class.forName(className, false, loader);
      for (Class<?> t = type.getSuperclass(); t != null; t = t.getSuperclass()) {
        known = KNOWN.get(t.getName());
        if (known != null) {
          return known;
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // Not visible to this class loader: only the init parameter can tell.
    }
    return null;
  }
}
