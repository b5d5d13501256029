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
 * @param classLevels the policies (and exemption) of the class, then of each supertype the
 *     framework reads, most specific first
 * @param packageLevel the policies on the class's package, and its exemption
 * @param handlers its handler methods
 */
public record FrameworkEndpoint(
    TypeElement type, String binaryName, Framework framework, List<Level> classLevels,
    Level packageLevel, List<Handler> handlers) implements Endpoint {

  public FrameworkEndpoint {
    classLevels = List.copyOf(classLevels);
    handlers = List.copyOf(handlers);
  }

  @Override
  public String frameworkId() {
    return framework.id();
  }

  /**
   * One handler method.
   *
   * @param method the method as reflection reports it for the class: declared in the class, or
   *     inherited from a superclass (or an interface's default method)
   * @param mapping the annotation that maps it ({@code @GetMapping}, {@code @GET}, ...), on {@code
   *     method} or on a method it overrides
   * @param routes the routes that lead to it
   * @param key the method key the runtime finds it by ({@code item(java.lang.String)})
   * @param levels the policies (and exemption) of the method, then of each method it overrides that
   *     is a handler method in its own right, most specific first
   */
  public record Handler(ExecutableElement method, AnnotationMirror mapping, List<Route> routes, String key,
      List<Level> levels) {
    public Handler {
      routes = List.copyOf(routes);
      levels = List.copyOf(levels);
    }
  }

  /**
   * The policy that answers on a handler: the method's (its own, then those of the methods it
   * overrides), then the class's (its own, then its supertypes'), then the package's; on each, a
   * policy for the exact kind of client before one for {@code ANY}; an exempt element stops the
   * search.
   */
  public Optional<Policy> resolve(Handler handler, Expired on, Client kind) {
    return Answering.search(levels(handler), on, kind).asPolicy();
  }

  /** A handler's search order: its method's levels, the class's, the package's. */
  public List<Level> levels(Handler handler) {
    List<Level> levels = new ArrayList<>(handler.levels());
    levels.addAll(classLevels);
    levels.add(packageLevel);
    return levels;
  }

  @Override
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Handler handler : handlers) {
      operations.add(new Operation(handler.key(), handler.method(),
          handler.routes().stream().map(Operation.Target::of).toList(),
          handler.routes().stream().map(Route::describe).collect(java.util.stream.Collectors.joining(", ")),
          levels(handler)));
    }
    return operations;
  }
}
