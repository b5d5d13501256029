package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.Policy;

/** A 403 for an expired session or token, which tells the client not to log in again. */
public final class ForbiddenForExpiry extends PolicyRule {

  public ForbiddenForExpiry() {
    super(Severity.WARNING, true,
        "The status is 403, which says the credentials were refused, not that the session expired.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    // A stale CSRF token leaves the user logged in: refusing the form with 403 is right there.
    if (policy.status() != 403 || policy.on() == Expired.CSRF_TOKEN) {
      return;
    }
    findings.onAttribute(this, policy, "status", "403 says the server refused the credentials it got,"
        + " not that they are missing or stale: RFC 9110 §15.5.4 \"the client SHOULD NOT"
        + " automatically repeat the request with the same credentials\" (RFC 2616 §10.4.4 was blunter:"
        + " \"Authorization will not help and the request SHOULD NOT be repeated\"), so clients will not"
        + " log in again. Use status = 401 with a challenge, e.g. scheme = \"MyAuthScheme\".");
  }
}
