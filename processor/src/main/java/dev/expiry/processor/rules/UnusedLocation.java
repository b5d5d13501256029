package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;

/** A location on a status that is not a redirect, where no client follows it. */
public final class UnusedLocation extends PolicyRule {

  public UnusedLocation() {
    super(Severity.WARNING, true, "A location is set on a status that is not a 3xx redirect.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (policy.location().isEmpty() || policy.isRedirect()) {
      return;
    }
    findings.onAttribute(this, policy, "location", "The location would be sent with a "
        + policy.status() + ", where clients ignore it: they follow a Location only on a 3xx (RFC 9110"
        + " §10.2.2: for 3xx it \"refers to the preferred target resource for automatically"
        + " redirecting the request\"). Remove location, or redirect with status = 303.");
  }
}
