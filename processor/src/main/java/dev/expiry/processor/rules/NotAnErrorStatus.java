package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;

/** A status that cannot tell a client its request was refused. */
public final class NotAnErrorStatus extends PolicyRule {

  public NotAnErrorStatus() {
    super(Severity.ERROR, true, "The status is below 300, 304, or above 599.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    int status = policy.status();
    String why;
    if (status < 100 || status > 599) {
      why = status + " is not an HTTP status code (RFC 9110 §15: three digits, 100 to 599).";
    } else if (status < 300) {
      why = status + " tells the client its request succeeded (RFC 9110 §15.2, §15.3), so it would"
          + " go on as if it were still logged in.";
    } else if (status == 304) {
      why = "304 Not Modified answers a conditional request from the client's cache (RFC 9110"
          + " §15.4.5); the client would show stale content instead of logging in again.";
    } else {
      return;
    }
    // A number that is no status code at all would reach the status line: that part cannot be
    // turned off.
    Findings to = status < 100 || status > 599 ? findings.unsuppressible() : findings;
    to.onAttribute(this, policy, "status", "An expired session needs a redirect or an error"
        + " status: " + why + " Use 401 with a challenge (for script clients) or 303 with a location"
        + " (for pages).");
  }
}
