package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Policy;
import java.util.stream.Stream;

/** A policy for browsers with nothing for script clients. */
public final class BrowserOnlyPolicy extends Rule {

  public BrowserOnlyPolicy() {
    super(Severity.WARNING, true, "A BROWSER policy has no API or ANY policy for the same expiry.");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {
    for (Policy policy : declaration.checked()) {
      if (policy.client() != Client.BROWSER) {
        continue;
      }
      boolean scriptCovered = Stream.concat(declaration.policies().stream(), declaration.outer().stream())
          .anyMatch(p -> p.on() == policy.on() && p.answers(Client.API));
      if (!scriptCovered) {
        findings.onAttribute(this, policy, "client", "This policy answers only browsers navigating to a page;"
            + " script clients (fetch, XHR, apps) whose " + policy.on() + " expired would get no answer from"
            + " Expiry at all and fall through to the endpoint. Add an API (or ANY) policy for on = "
            + policy.on() + ", e.g. @ExpiryPolicy(client = Client.API, status = 401, scheme = \"MyAuthScheme\").");
      }
    }
  }
}
