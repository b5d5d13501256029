package dev.expiry.processor.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A servlet class with at least one policy, and which policy answers each HTTP method, expiry and
 * kind of client. This is what the writers turn into a handler.
 *
 * @param type the servlet class
 * @param binaryName its name as a container reports it ({@code com.acme.Outer$Inner})
 * @param classPolicies the policies on the class, covering every method without its own
 * @param methodPolicies the policies of each HTTP method that has its own (HEAD included when it
 *     follows GET)
 * @param packagePolicies the policies on the servlet's package, which apply where neither the
 *     method nor the class has one
 */
public record Endpoint(
    TypeElement type, String binaryName, List<Policy> classPolicies, Map<HttpMethod, List<Policy>> methodPolicies,
    List<Policy> packagePolicies) {

  public Endpoint {
    classPolicies = List.copyOf(classPolicies);
    packagePolicies = List.copyOf(packagePolicies);
    EnumMap<HttpMethod, List<Policy>> copy = new EnumMap<>(HttpMethod.class);
    methodPolicies.forEach((m, p) -> copy.put(m, List.copyOf(p)));
    methodPolicies = Collections.unmodifiableMap(copy);
  }

  /**
   * The policy that answers: the most specific element first (the method, the class, then the
   * package), and on
   * each element a policy for the exact kind of client before one for {@code ANY}.
   *
   * @param method the HTTP method, or {@code null} for one with no policies of its own
   * @param on what expired
   * @param kind {@code BROWSER} or {@code API}
   */
  public Optional<Policy> resolve(HttpMethod method, Expired on, Client kind) {
    List<Policy> own = method == null ? List.of() : methodPolicies.getOrDefault(method, List.of());
    return firstOf(List.of(own, classPolicies, packagePolicies), on, kind);
  }

  /**
   * The policy of the most specific level that has one for this expiry and kind (levels ordered
   * most specific first: method, class, package).
   */
  public static Optional<Policy> firstOf(List<List<Policy>> levels, Expired on, Client kind) {
    for (List<Policy> level : levels) {
      Optional<Policy> p = pick(level, on, kind);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** The policy on one element for this expiry and kind: the exact kind before {@code ANY}. */
  public static Optional<Policy> pick(List<Policy> policies, Expired on, Client kind) {
    Optional<Policy> exact = policies.stream().filter(p -> p.on() == on && p.client() == kind).findFirst();
    return exact.isPresent() ? exact
        : policies.stream().filter(p -> p.on() == on && p.client() == Client.ANY).findFirst();
  }
}
