package dev.expiry.processor.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A servlet class with at least one policy, and which policy answers each HTTP method. This is
 * what the writers turn into a handler.
 *
 * @param type the servlet class
 * @param binaryName its name as a container reports it ({@code com.acme.Outer$Inner})
 * @param classPolicy the policy on the class, covering every method without one of its own
 * @param byMethod the policy for each HTTP method that has one of its own (HEAD included when it
 *     follows GET)
 */
public record Endpoint(
    TypeElement type, String binaryName, Optional<Policy> classPolicy, Map<HttpMethod, Policy> byMethod) {

  public Endpoint {
    EnumMap<HttpMethod, Policy> copy = new EnumMap<>(HttpMethod.class);
    copy.putAll(byMethod);
    byMethod = java.util.Collections.unmodifiableMap(copy);
  }
}
