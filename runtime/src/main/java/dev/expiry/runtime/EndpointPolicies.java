package dev.expiry.runtime;

import java.util.HashMap;
import java.util.Map;

/** The expiry responses of one endpoint class, by HTTP method. Immutable once built. */
final class EndpointPolicies {

  private final String endpoint;
  private final Map<String, ExpiryResponse> byMethod;
  private final ExpiryResponse anyMethod;

  private EndpointPolicies(String endpoint, Map<String, ExpiryResponse> byMethod) {
    this.endpoint = endpoint;
    this.byMethod = Map.copyOf(byMethod);
    this.anyMethod = byMethod.get(ExpiryHandler.Policies.ANY_METHOD);
  }

  /** Collects what a generated handler declares. */
  static EndpointPolicies of(ExpiryHandler handler) {
    Map<String, ExpiryResponse> byMethod = new HashMap<>();
    handler.declare((method, status, headers) -> byMethod.put(method, new ExpiryResponse(status, headers)));
    return new EndpointPolicies(handler.endpoint(), byMethod);
  }

  EndpointPolicies inContext(String contextPath) {
    Map<String, ExpiryResponse> resolved = new HashMap<>();
    byMethod.forEach((method, response) -> resolved.put(method, response.inContext(contextPath)));
    return new EndpointPolicies(endpoint, resolved);
  }

  String endpoint() {
    return endpoint;
  }

  /** The response for this HTTP method, or {@code null} when no policy covers it. */
  ExpiryResponse forMethod(String method) {
    ExpiryResponse response = method == null ? null : byMethod.get(method);
    return response != null ? response : anyMethod;
  }
}
