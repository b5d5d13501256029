package dev.expiry.processor.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A servlet class with at least one policy that applies to it, and which policy answers each HTTP
 * method, expiry and kind of client.
 *
 * @param type the servlet class
 * @param binaryName its name as a container reports it ({@code com.acme.Outer$Inner})
 * @param classPolicies the policies on the class, covering every method without its own
 * @param methodPolicies the policies of each HTTP method that has its own (HEAD included when it
 *     follows GET)
 * @param packagePolicies the policies on the servlet's package, which apply where neither the
 *     method nor the class has one
 * @param headFollowsGet whether HEAD has GET's policies because the servlet does not override
 *     {@code doHead}, so that {@code HttpServlet} runs {@code doGet} for it
 */
public record ServletEndpoint(
    TypeElement type, String binaryName, List<Policy> classPolicies, Map<HttpMethod, List<Policy>> methodPolicies,
    List<Policy> packagePolicies, boolean headFollowsGet) implements Endpoint {

  public ServletEndpoint {
    classPolicies = List.copyOf(classPolicies);
    packagePolicies = List.copyOf(packagePolicies);
    EnumMap<HttpMethod, List<Policy>> copy = new EnumMap<>(HttpMethod.class);
    methodPolicies.forEach((m, p) -> copy.put(m, List.copyOf(p)));
    methodPolicies = Collections.unmodifiableMap(copy);
  }

  /**
   * The policy that answers: the most specific element first (the method, the class, then the
   * package), and on each element a policy for the exact kind of client before one for {@code ANY}.
   *
   * @param method the HTTP method, or {@code null} for one with no policies of its own
   * @param on what expired
   * @param kind {@code BROWSER} or {@code API}
   */
  public Optional<Policy> resolve(HttpMethod method, Expired on, Client kind) {
    List<Policy> own = method == null ? List.of() : methodPolicies.getOrDefault(method, List.of());
    return Endpoint.firstOf(List.of(own, classPolicies, packagePolicies), on, kind);
  }
}
