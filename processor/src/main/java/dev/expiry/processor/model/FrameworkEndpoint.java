package dev.expiry.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A Spring MVC controller or JAX-RS root resource: its handler methods with their routes, and
 * the policies that apply to each. Handler methods without any policy are kept too: their routes
 * take part in choosing the most specific route at run time.
 *
 * @param type the class
 * @param binaryName its binary name
 * @param framework the framework that dispatches to it
 * @param classPolicies the policies on the class
 * @param packagePolicies the policies on its package
 * @param handlers its handler methods, in source order
 */
public record FrameworkEndpoint(
    TypeElement type, String binaryName, Framework framework, List<Policy> classPolicies,
    List<Policy> packagePolicies, List<Handler> handlers) {

  public FrameworkEndpoint {
    classPolicies = List.copyOf(classPolicies);
    packagePolicies = List.copyOf(packagePolicies);
    handlers = List.copyOf(handlers);
  }

  /**
   * One handler method.
   *
   * @param method the method
   * @param mapping the annotation that maps it ({@code @GetMapping}, {@code @GET}, ...)
   * @param routes the routes that lead to it
   * @param policies the policies on the method
   */
  public record Handler(ExecutableElement method, AnnotationMirror mapping, List<Route> routes, List<Policy> policies) {
    public Handler {
      routes = List.copyOf(routes);
      policies = List.copyOf(policies);
    }
  }

  /** Whether any policy applies to any of its handlers. */
  public boolean hasPolicies() {
    return !classPolicies.isEmpty() || !packagePolicies.isEmpty()
        || handlers.stream().anyMatch(h -> !h.policies().isEmpty());
  }

  /**
   * The policy that answers on a handler: the method's, then the class's, then the package's; on
   * each, a policy for the exact kind of client before one for {@code ANY}.
   */
  public Optional<Policy> resolve(Handler handler, Expired on, Client kind) {
    return Endpoint.firstOf(List.of(handler.policies(), classPolicies, packagePolicies), on, kind);
  }
}
