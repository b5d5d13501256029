package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.StatusCodes;

/** A status code that is not in the IANA registry, such as 419, 440 or 498. */
public final class NonStandardStatus extends PolicyRule {

  public NonStandardStatus() {
    super(Severity.WARNING, true,
        "The status is not in the IANA HTTP Status Code Registry (such as 419, 440 or 498).");
  }

  @Override
  void check(Policy policy, Findings findings) {
    int status = policy.status();
    // Below 300 and above 599 NotAnErrorStatus already rejects the status.
    if (status < 300 || status > 599 || StatusCodes.isRegistered(status)) {
      return;
    }
    int fallback = status / 100 * 100;
    String what = StatusCodes.isReservedUnused(status)
        ? status + " is reserved as \"(Unused)\" in the IANA HTTP Status Code Registry (RFC 9110 §"
            + (status == 306 ? "15.4.7" : "15.5.19") + "), so it means nothing to a client"
        : status + " is not in the IANA HTTP Status Code Registry";
    findings.onAttribute(this, policy, "status", what + ": RFC 9110 §15 has clients \"treat an"
        + " unrecognized status code as being equivalent to the x00 status code\", so browsers,"
        + " proxies and HTTP libraries see a " + fallback + " and no sign of an expired session. Use"
        + " status = 401 with a challenge and an auth-param that says why, e.g. scheme ="
        + " \"MyAuthScheme\", params = @Param(name = \"error\", value = \"session_expired\").");
  }
}
