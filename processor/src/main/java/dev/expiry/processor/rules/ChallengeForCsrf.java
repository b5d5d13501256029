package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.Policy;

/** A login challenge for a stale form token. */
public final class ChallengeForCsrf extends PolicyRule {

  public ChallengeForCsrf() {
    super(Severity.WARNING, true, "A CSRF_TOKEN policy answers 401 or sends a challenge.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (policy.on() != Expired.CSRF_TOKEN || (policy.status() != 401 && !policy.hasChallenge())) {
      return;
    }
    findings.onAttribute(this, policy, policy.status() == 401 ? "status" : "scheme", "A stale CSRF token is"
        + " not an authentication problem: the user is still logged in, and new credentials (what a 401"
        + " and its challenge ask for, RFC 9110 §15.5.2) will not fix the form's token. Answer with 403"
        + " and a title and detail that say to reload the form, without a scheme.");
  }
}
