package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Conditions;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.FrameworkEndpoint;
import dev.expiry.processor.model.FrameworkEndpoint.Handler;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Two handler methods the framework itself cannot tell apart (the same HTTP method, an equivalent
 * path template, and the same further conditions: Spring MVC's {@code params}, {@code headers},
 * {@code consumes} and {@code produces}, JAX-RS's {@code @Consumes} and {@code @Produces}), with
 * different policies. The framework refuses such a pair or picks one by accident, so which policy
 * answers would be an accident too. Handlers that differ in a condition are told apart by the
 * framework, which tells Expiry which one runs.
 */
public final class RouteConflict extends Rule {

  public RouteConflict() {
    super(Severity.ERROR, true, "Two handler methods that the framework cannot tell apart (same HTTP method, an"
        + " equivalent path template, the same conditions) have different policies.");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {}

  @Override
  public void checkRoutes(List<FrameworkEndpoint> endpoints, Findings findings) {
    record Seen(FrameworkEndpoint endpoint, Handler handler, Route route) {}
    Map<String, Seen> seen = new HashMap<>();
    for (FrameworkEndpoint endpoint : endpoints) {
      for (Handler handler : endpoint.handlers()) {
        for (Route route : handler.routes()) {
          Seen earlier = seen.putIfAbsent(route.ambiguityKey(), new Seen(endpoint, handler, route));
          if (earlier == null || (earlier.endpoint() == endpoint && earlier.handler() == handler)) {
            continue;
          }
          Optional<String> difference = difference(earlier.endpoint(), earlier.handler(), endpoint, handler);
          if (difference.isPresent()) {
            String framework = route.framework().displayName();
            findings.onElement(this, where(endpoint, handler), mapping(endpoint, handler), "The route "
                + route.describe() + " of " + name(endpoint, handler) + " is also the route "
                + earlier.route().describe() + " of " + name(earlier.endpoint(), earlier.handler()) + ", "
                + (route.conditions().equals(Conditions.NONE) ? "and neither has another condition"
                    : "with the same " + route.conditions()) + ", but " + difference.get() + ". " + framework
                + " cannot tell the two"
                + " apart either: it refuses them, or picks one by accident, so which policy answers would be an"
                + " accident too. Tell the handlers apart by a condition (a path, " + route.framework().conditions()
                + "), or give both the same policy (on the methods, or once on a class or package).");
          }
        }
      }
    }
  }

  /** The handler method where it is declared in the class, else the class that inherits it. */
  private static Element where(FrameworkEndpoint endpoint, Handler handler) {
    return handler.method().getEnclosingElement().equals(endpoint.type()) ? handler.method() : endpoint.type();
  }

  /** The mapping, where it is written on the element reported. */
  private static AnnotationMirror mapping(FrameworkEndpoint endpoint, Handler handler) {
    Element where = where(endpoint, handler);
    return where.getAnnotationMirrors().contains(handler.mapping()) ? handler.mapping() : null;
  }

  private static String name(FrameworkEndpoint endpoint, Handler handler) {
    return endpoint.type().getSimpleName() + "." + handler.method().getSimpleName() + "()";
  }

  /** How the policies of two handlers differ, if they do. */
  private static Optional<String> difference(FrameworkEndpoint e1, Handler h1, FrameworkEndpoint e2, Handler h2) {
    for (Expired on : Expired.values()) {
      for (Client kind : Client.KINDS) {
        Optional<Policy> p1 = e1.resolve(h1, on, kind);
        Optional<Policy> p2 = e2.resolve(h2, on, kind);
        if (p1.isPresent() != p2.isPresent()) {
          return Optional.of("only one of them has a policy for on = " + on + ", client = " + kind);
        }
        if (p1.isPresent() && !p1.get().sameResponse(p2.get())) {
          return Optional.of("their policies for on = " + on + ", client = " + kind + " send different responses"
              + " (" + p1.get().status() + " and " + p2.get().status() + ")");
        }
      }
    }
    return Optional.empty();
  }
}
