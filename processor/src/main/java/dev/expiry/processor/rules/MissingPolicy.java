package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Endpoint.Operation;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * An endpoint of the compilation that no {@code SESSION} policy covers and that is not declared
 * exempt. Off unless a build turns it on: a team that wants every endpoint declared says so with
 * {@code -Aexpiry.MissingPolicy=error}.
 */
public final class MissingPolicy extends Rule {

  public MissingPolicy() {
    super(Severity.OFF, true, "An endpoint has no SESSION policy and no @NoExpiryPolicy (off unless turned on).");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {}

  @Override
  public void checkEndpoint(Endpoint endpoint, Findings findings) {
    for (Operation operation : endpoint.coverage()) {
      if (operation.covered()) {
        continue;
      }
      Element at = operation.element();
      boolean own = at.getKind() != ElementKind.METHOD || at.getEnclosingElement().equals(endpoint.type());
      String what = describe(endpoint, operation);
      findings.onElement(this, own ? at : endpoint.type(), null, what + " has no SESSION policy: when a session"
          + " has expired, the request goes on to the application, and what the client gets is whatever the"
          + " application does without a session. Declare the answer with @ExpiryPolicy on "
          + (own && at.getKind() == ElementKind.METHOD ? "the method, " : "") + "the class or the package"
          + " (package-info.java), or, if it is public on purpose, say why with @NoExpiryPolicy(reason = \"…\").");
    }
  }

  private static String describe(Endpoint endpoint, Operation operation) {
    String name = endpoint.type().getSimpleName().toString();
    String routes = operation.routes().stream().map(t -> (t.method().equals("*") ? "any method" : t.method())
        + " " + t.path()).collect(Collectors.joining(", "));
    if (operation.element().getKind() != ElementKind.METHOD) {
      return (operation.key().equals("*") ? "Servlet " : "Endpoint ") + name + (routes.isEmpty() ? "" : " (" + routes + ")");
    }
    String method = operation.element().getSimpleName() + "()";
    return (routes.isEmpty() ? "" : routes + ", ") + "method " + method + " of " + name;
  }
}
