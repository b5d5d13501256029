package dev.expiry.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A class requests are dispatched to, with the policies that answer on it: a servlet, or a
 * framework's controller or resource. This is what the writers turn into rows and the report.
 */
public sealed interface Endpoint permits ServletEndpoint, FrameworkEndpoint {

  /** The class. */
  TypeElement type();

  /** Its name as a container or framework reports it ({@code com.acme.Outer$Inner}). */
  String binaryName();

  /** {@code servlet}, {@code spring-mvc}, {@code jax-rs}: as the report names it. */
  String frameworkId();

  /**
   * What the runtime looks up separately: a servlet's HTTP methods with policies of their own and
   * {@code *} for every other, first; a controller's or resource's handler methods.
   */
  List<Operation> operations();

  /**
   * The operations whose coverage counts: what the endpoint serves itself. A controller's or
   * resource's handler methods; a servlet's {@code doXxx} methods, one per method it overrides
   * (HEAD with {@code doGet} counted once), or the whole servlet when it overrides none.
   */
  default List<Operation> coverage() {
    return operations();
  }

  /**
   * One thing the runtime looks up: a servlet's HTTP method (or all others), a handler method.
   *
   * @param key the HTTP method, {@code *}, or the handler's method key
   * @param element where it is declared: the {@code doXxx} method, the handler method, or the class
   * @param routes the routes that lead to it; for a servlet, its HTTP method on each path of its
   *     {@code @WebServlet}
   * @param comment what the policy file tells a reader about it
   * @param levels its search order, most specific first
   */
  record Operation(String key, Element element, List<Target> routes, String comment, List<Level> levels) {
    public Operation {
      routes = List.copyOf(routes);
      levels = List.copyOf(levels);
    }

    /**
     * An HTTP method ({@code *} for any) and a path, as the report lists them; a sub-resource's
     * path starts with {@code …}.
     */
    public record Target(String method, String path) {
      public static Target of(Route route) {
        return new Target(route.method(), (route.scope().isEmpty() ? "" : "…") + route.template().text());
      }
    }

    /** What answers this expiry for this kind of client. */
    public Answering answering(Expired on, Client kind) {
      return Answering.search(levels, on, kind);
    }

    public Optional<Policy> resolve(Expired on, Client kind) {
      return answering(on, kind).asPolicy();
    }

    /**
     * Whether a {@code SESSION} policy answers it for some kind of client, or an exemption says it
     * needs none.
     */
    public boolean covered() {
      for (Client kind : Client.KINDS) {
        Answering a = answering(Expired.SESSION, kind);
        if (a.policy() != null || a.exemption() != null) {
          return true;
        }
      }
      return false;
    }
  }
}
