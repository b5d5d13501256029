package dev.expiry.runtime;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Every generated {@link ExpiryHandler} visible to a class loader, by endpoint class name. Loaded
 * through {@link ServiceLoader}, so each jar compiled with the processor contributes its own.
 */
final class ExpiryIndex {

  private static final System.Logger LOG = System.getLogger(ExpiryIndex.class.getName());

  private final Map<String, EndpointPolicies> byEndpoint;
  private final Map<String, RouteTable> routes;

  private ExpiryIndex(Map<String, EndpointPolicies> byEndpoint, Map<String, RouteTable> routes) {
    this.byEndpoint = Map.copyOf(byEndpoint);
    this.routes = Map.copyOf(routes);
  }

  /**
   * Loads every handler the class loader can see. A provider that cannot be loaded (a stale entry
   * left by an incremental build, a class that fails to initialize) is logged and skipped, so one
   * broken jar does not take the others down.
   */
  static ExpiryIndex load(ClassLoader loader, String contextPath) {
    Map<String, EndpointPolicies> byEndpoint = new HashMap<>();
    RouteTable.Builders routes = new RouteTable.Builders();
    Iterator<ExpiryHandler> handlers = ServiceLoader.load(ExpiryHandler.class, loader).iterator();
    while (true) {
      ExpiryHandler handler;
      try {
        if (!handlers.hasNext()) {
          break;
        }
        handler = handlers.next();
      } catch (ServiceConfigurationError e) {
        LOG.log(Level.WARNING, "Skipping an Expiry handler that cannot be loaded", e);
        continue;
      }
      EndpointPolicies policies;
      try {
        policies = EndpointPolicies.of(handler, contextPath, routes);
      } catch (RuntimeException | LinkageError e) {
        LOG.log(Level.WARNING, "Skipping an Expiry handler that cannot declare its policies", e);
        continue;
      }
      if (policies.isEmpty()) {
        continue; // a framework endpoint: its routes are all it has
      }
      EndpointPolicies previous = byEndpoint.putIfAbsent(policies.endpoint(), policies);
      if (previous != null) {
        LOG.log(Level.WARNING, "Two Expiry handlers for " + policies.endpoint()
            + " (is the class on the class path twice?); the first one loaded is used");
      }
    }
    return new ExpiryIndex(byEndpoint, routes.build());
  }

  /** The routes of a framework, or {@code null} when no handler declared any. */
  RouteTable routes(String framework) {
    return framework == null ? null : routes.get(framework);
  }

  /** The policies of an endpoint class, or {@code null}. */
  EndpointPolicies forEndpoint(String className) {
    return className == null ? null : byEndpoint.get(className);
  }

  int size() {
    return byEndpoint.size();
  }

  /** The number of framework routes, over all frameworks. */
  int routeCount() {
    return routes.values().stream().mapToInt(RouteTable::size).sum();
  }
}
