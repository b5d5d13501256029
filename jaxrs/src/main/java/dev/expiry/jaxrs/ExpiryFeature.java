package dev.expiry.jaxrs;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Installs Expiry in a JAX-RS application: registers {@link ExpiryRequestFilter}, which answers an
 * expired session with the policy of the resource method the runtime matched.
 *
 * <p>Nothing to do in most applications: the feature is listed in {@code
 * META-INF/services/jakarta.ws.rs.core.Feature}, and JAX-RS runtimes (3.1 and later; Jersey as
 * part of its auto-discovery) register such features themselves. An application that turns that
 * off (Jersey's {@code jersey.config.disableAutoDiscovery} or {@code
 * jersey.config.server.disableAutoDiscovery}, or {@code jakarta.ws.rs.loadServices=false})
 * registers it with the providers it lists:
 *
 * <pre>{@code
 * new ResourceConfig(OrdersResource.class).register(ExpiryFeature.class)
 * }</pre>
 *
 * or returns it from {@code Application.getClasses()}. Registering it more than once is harmless.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class ExpiryFeature implements Feature {

  /**
   * The priority {@link ExpiryRequestFilter} runs at: after matching, ahead of authentication
   * filters ({@link Priorities#AUTHENTICATION}), so that an expired session is answered with the
   * policy rather than with what an authentication filter makes of a request without a session.
   */
  public static final int PRIORITY = Priorities.AUTHENTICATION - 100;

  /** Creates the feature; JAX-RS instantiates it. */
  public ExpiryFeature() {}

  @Override
  public boolean configure(FeatureContext context) {
    Configuration configuration = context.getConfiguration();
    if (configuration.getRuntimeType() != RuntimeType.SERVER) {
      return false; // a JAX-RS client found the feature through the same service file
    }
    if (!configuration.isRegistered(ExpiryRequestFilter.class)) {
      context.register(ExpiryRequestFilter.class, PRIORITY);
    }
    return true;
  }
}
