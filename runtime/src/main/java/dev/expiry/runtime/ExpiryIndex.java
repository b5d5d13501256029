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

  private ExpiryIndex(Map<String, EndpointPolicies> byEndpoint) {
    this.byEndpoint = Map.copyOf(byEndpoint);
  }

  /**
   * Loads every handler the class loader can see. A provider that cannot be loaded (a stale entry
   * left by an incremental build, a class that fails to initialize) is logged and skipped, so one
   * broken jar does not take the others down.
   */
  static ExpiryIndex load(ClassLoader loader, String contextPath) {
    Map<String, EndpointPolicies> byEndpoint = new HashMap<>();
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
      EndpointPolicies policies = EndpointPolicies.of(handler, contextPath);
      EndpointPolicies previous = byEndpoint.putIfAbsent(policies.endpoint(), policies);
      if (previous != null) {
        LOG.log(Level.WARNING, "Two Expiry handlers for " + policies.endpoint()
            + " (is the class on the class path twice?); the first one loaded is used");
      }
    }
    return new ExpiryIndex(byEndpoint);
  }

  /** The policies of an endpoint class, or {@code null}. */
  EndpointPolicies forEndpoint(String className) {
    return className == null ? null : byEndpoint.get(className);
  }

  int size() {
    return byEndpoint.size();
  }
}
