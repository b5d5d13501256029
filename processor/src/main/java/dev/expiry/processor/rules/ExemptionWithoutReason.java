package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;

/** A {@code @NoExpiryPolicy} whose reason is blank. */
public final class ExemptionWithoutReason extends Rule {

  public ExemptionWithoutReason() {
    super(Severity.ERROR, true, "A @NoExpiryPolicy gives no reason.");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {
    declaration.exemption().filter(e -> e.checkedHere() && e.reason().isBlank()).ifPresent(e ->
        findings.onReason(this, e, "@NoExpiryPolicy needs a reason: it says that this endpoint is public on"
            + " purpose, and the reason is what tells a reader of the code, and of the policy report, that it is"
            + " and why (\"The login page must open whatever the state of the session.\")."));
  }
}
