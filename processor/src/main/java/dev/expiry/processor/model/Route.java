package dev.expiry.processor.model;

import java.util.Objects;

/**
 * One route a framework dispatches to a handler method: an HTTP method, a path template and the
 * further conditions a request must meet. Expiry does not match requests against routes (the
 * framework says which handler runs); routes describe handlers in diagnostics and the generated
 * code, and tell when two handlers are ones the framework itself cannot tell apart.
 *
 * @param framework the framework
 * @param method an HTTP method such as {@code GET}, or {@code *} for a mapping that names none
 * @param template the whole template, from the application path (JAX-RS) or the class's mapping on
 * @param scope where the template is matched: {@code ""} for the application's routes, or the binary
 *     name of a JAX-RS sub-resource class, whose templates follow whatever path its locator matched
 * @param conditions the conditions on parameters, headers and media types
 */
public record Route(Framework framework, String method, PathTemplate template, String scope, Conditions conditions) {

  public static final String ANY_METHOD = "*";

  public Route {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(conditions, "conditions");
  }

  /** {@code GET /api/orders/{id}}; {@code GET …/{id}} for a sub-resource's. */
  public String describe() {
    return (method.equals(ANY_METHOD) ? "any method" : method) + " " + (scope.isEmpty() ? "" : "…")
        + template.text();
  }

  /**
   * What two routes share exactly when the framework cannot tell them apart: the framework, the
   * scope, the HTTP method, an equivalent template and the same conditions.
   */
  public String ambiguityKey() {
    return framework.id() + '\n' + scope + '\n' + method + '\n' + template.equivalenceKey(framework.syntax())
        + '\n' + conditions;
  }
}
