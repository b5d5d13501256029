package dev.expiry.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A concrete class a framework dispatches to (a Spring MVC controller, a JAX-RS root resource or
 * sub-resource): every handler method it has, its own and inherited, with their routes, and the
 * policies that apply to each. Handler methods without any policy are kept too, for the rules that
 * compare routes.
 *
 * @param type the class
 * @param binaryName its binary name, the class of the instance the framework calls
 * @param framework the framework that dispatches to it
 * @param classLevels the policies on the class, then on each supertype the framework reads, most
 *     specific first
 * @param packagePolicies the policies on the class's package
 * @param handlers its handler methods
 */
public record FrameworkEndpoint(
    TypeElement type, String binaryName, Framework framework, List<List<Policy>> classLevels,
    List<Policy> packagePolicies, List<Handler> handlers) implements Endpoint {

  public FrameworkEndpoint {
    classLevels = classLevels.stream().map(List::copyOf).toList();
    packagePolicies = List.copyOf(packagePolicies);
    handlers = List.copyOf(handlers);
  }

  /**
   * One handler method.
   *
   * @param method the method as reflection reports it for the class: declared in the class, or
   *     inherited from a superclass (or an interface's default method)
   * @param mapping the annotation that maps it ({@code @GetMapping}, {@code @GET}, ...), on {@code
   *     method} or on a method it overrides
   * @param routes the routes that lead to it
   * @param levels the policies on the method, then on each method it overrides that is a handler
   *     method in its own right, most specific first
   */
  public record Handler(ExecutableElement method, AnnotationMirror mapping, List<Route> routes,
      List<List<Policy>> levels) {
    public Handler {
      routes = List.copyOf(routes);
      levels = levels.stream().map(List::copyOf).toList();
    }
  }

  /**
   * The policy that answers on a handler: the method's (its own, then those of the methods it
   * overrides), then the class's (its own, then its supertypes'), then the package's; on each, a
   * policy for the exact kind of client before one for {@code ANY}.
   */
  public Optional<Policy> resolve(Handler handler, Expired on, Client kind) {
    List<List<Policy>> levels = new ArrayList<>(handler.levels());
    levels.addAll(classLevels);
    levels.add(packagePolicies);
    return Endpoint.firstOf(levels, on, kind);
  }
}
