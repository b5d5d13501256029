package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;

/** A redirect that does not say where to. */
public final class MissingLocation extends PolicyRule {

  public MissingLocation() {
    super(Severity.ERROR, true, "A 3xx policy declares no location.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (policy.isRedirect() && policy.status() != 304 && policy.location().isEmpty()) {
      findings.on(this, policy, "A " + policy.status() + " redirect needs a Location to send the client"
          + " to (RFC 9110 §10.2.2, §15.4: the server \"SHOULD generate a Location header field\"),"
          + " but this policy declares none. Add location = \"/login\" (a path is resolved against"
          + " the application's context path).");
    }
  }
}
