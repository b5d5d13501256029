package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;

/** A realm or params without a scheme, which no challenge carries. */
public final class OrphanParams extends PolicyRule {

  public OrphanParams() {
    super(Severity.ERROR, true, "A realm or params are set without a scheme, so they are never sent.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (policy.hasChallenge()) {
      return;
    }
    if (!policy.realm().isEmpty()) {
      findings.onAttribute(this, policy, "realm", orphan("realm"));
    }
    if (!policy.params().isEmpty()) {
      findings.onAttribute(this, policy, "params", orphan("params"));
    }
  }

  private static String orphan(String attribute) {
    return "The " + attribute + " would never be sent: auth-params only exist inside a challenge"
        + " (RFC 9110 §11.1: challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]), and this"
        + " policy declares no scheme. Add one, e.g. scheme = \"MyAuthScheme\", or remove " + attribute
        + ".";
  }
}
