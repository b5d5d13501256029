package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;

/** A 401 or 407 without a challenge. */
public final class MissingChallenge extends PolicyRule {

  public MissingChallenge() {
    super(Severity.ERROR, false, "A 401 or 407 policy declares no challenge (scheme).");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (policy.hasChallenge()) {
      return;
    }
    if (policy.status() == 401) {
      findings.on(this, policy, "A 401 response must carry a WWW-Authenticate challenge"
          + " (RFC 9110 §15.5.2: the server \"MUST send a WWW-Authenticate header field\"),"
          + " but this policy declares no scheme, so clients cannot tell how to log in again."
          + " Add one, e.g. scheme = \"MyAuthScheme\", realm = \"example\" (a custom scheme also"
          + " keeps browsers from showing a login dialog).");
    } else if (policy.status() == 407) {
      findings.on(this, policy, "A 407 response must carry a Proxy-Authenticate challenge"
          + " (RFC 9110 §15.5.8: the proxy \"MUST send a Proxy-Authenticate header field\"),"
          + " but this policy declares no scheme. Add one, e.g. scheme = \"MyAuthScheme\".");
    }
  }
}
