package dev.expiry.runtime;

import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which servlets are a framework's front servlet, behind which the framework itself says
 * which handler method a request goes to (see {@link FrameworkDispatch}):
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
      "org.springframework.web.servlet.DispatcherServlet", FrameworkDispatch.SPRING_MVC,
      "org.glassfish.jersey.servlet.ServletContainer", FrameworkDispatch.JAX_RS,
      "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher", FrameworkDispatch.JAX_RS);

  /** The integration module that asks each framework. */
  private static final Map<String, String> MODULES = Map.of(
      FrameworkDispatch.SPRING_MVC, "dev.expiry:expiry-spring-webmvc",
      FrameworkDispatch.JAX_RS, "dev.expiry:expiry-jaxrs");

  private final ClassLoader loader;
  private final Map<String, String> byServletName;
  private final Map<String, FrameworkDispatch> integrations;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  private FrameworkServlets(ClassLoader loader, Map<String, String> byServletName,
      Map<String, FrameworkDispatch> integrations) {
    this.loader = loader;
    this.byServletName = Map.copyOf(byServletName);
    this.integrations = Map.copyOf(integrations);
  }

  /**
   * The lookup of a framework servlet, from the integration for its framework; {@code null}, with
   * one warning per framework, when no integration for it is on the class path.
   */
  FrameworkDispatch.Lookup lookup(String framework, ServletContext context, String servletName) {
    FrameworkDispatch integration = integrations.get(framework);
    if (integration == null) {
      if (warned.add(framework)) {
        LOG.log(Level.WARNING, "Expiry: servlet \"" + servletName + "\" dispatches to " + framework
            + " handlers, but " + MODULES.get(framework) + " is not on the class path: policies on its"
            + " handler methods are not served; add that dependency");
      }
      return null;
    }
    return integration.lookup(context, servletName);
  }

  /** The integrations on the class path, by framework; one that cannot be loaded is logged and skipped. */
  private static Map<String, FrameworkDispatch> integrations(ClassLoader loader) {
    Map<String, FrameworkDispatch> found = new HashMap<>();
    Iterator<FrameworkDispatch> providers = ServiceLoader.load(FrameworkDispatch.class, loader).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          return found;
        }
        FrameworkDispatch integration = providers.next();
        found.putIfAbsent(integration.framework(), integration);
      } catch (ServiceConfigurationError | LinkageError e) {
        LOG.log(Level.WARNING, "Expiry: skipping a framework integration that cannot be loaded", e);
      }
    }
  }

  static FrameworkServlets of(ServletContext context, ClassLoader loader) {
    Map<String, String> named = new HashMap<>();
    String param = context.getInitParameter(INIT_PARAM);
    if (param != null) {
      for (String item : param.split(",")) {
        String[] pair = item.split("=", 2);
        String framework = pair.length == 2 ? pair[1].trim().toLowerCase(Locale.ROOT) : "";
        if (framework.equals(FrameworkDispatch.SPRING_MVC) || framework.equals(FrameworkDispatch.JAX_RS)) {
          named.put(pair[0].trim(), framework);
        } else if (!item.isBlank()) {
          LOG.log(Level.WARNING, "Expiry: ignoring \"" + item.trim() + "\" in " + INIT_PARAM
              + "; write servletName=spring-mvc or servletName=jax-rs");
        }
      }
    }
    return new FrameworkServlets(loader, named, integrations(loader));
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
