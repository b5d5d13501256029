package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Client;
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

/**
 * Two handler methods on the same HTTP method and an equivalent path template, with different
 * policies: the run time cannot tell which one a request goes to (the framework tells them apart,
 * if at all, by parameters, headers or media types), so it cannot tell which policy answers.
 */
public final class RouteConflict extends Rule {

  public RouteConflict() {
    super(Severity.ERROR, true,
        "Two handler methods share an HTTP method and an equivalent path template but have different policies.");
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
          String key = route.framework() + " " + route.method() + " " + route.equivalenceKey();
          Seen earlier = seen.putIfAbsent(key, new Seen(endpoint, handler, route));
          if (earlier == null || earlier.handler().method() == handler.method()) {
            continue;
          }
          Optional<String> difference = difference(earlier.endpoint(), earlier.handler(), endpoint, handler);
          if (difference.isPresent()) {
            findings.onElement(this, handler.method(), handler.mapping(), "The route " + route.describe()
                + " of " + endpoint.type().getSimpleName() + "." + handler.method().getSimpleName() + "() is also the"
                + " route " + earlier.route().describe() + " of " + earlier.endpoint().type().getSimpleName() + "."
                + earlier.handler().method().getSimpleName() + "(), but " + difference.get() + ". Expiry matches a"
                + " request by method and path only, so it cannot tell which of the two policies answers. Give"
                + " both handlers the same policy (on the methods, or once on a class or package), or give"
                + " them different paths.");
          }
        }
      }
    }
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
