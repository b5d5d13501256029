package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;

/**
 * A {@code -Aexpiry.<RuleId>} option or an {@code @SuppressWarnings("expiry:<RuleId>")} that names
 * no rule or gives no valid severity. The configuration, not a policy, is checked, so {@link
 * dev.expiry.processor.check.Reporter} applies it while it reads the configuration.
 */
public final class UnknownRuleOption extends Rule {

  public UnknownRuleOption() {
    super(Severity.ERROR, true,
        "An -Aexpiry.<RuleId> option or an @SuppressWarnings(\"expiry:<RuleId>\") names no rule, or"
            + " gives a value other than error, warning or off.");
  }

  /** Policies have nothing to do with this rule; see the class comment. */
  @Override
  public void check(Declaration declaration, Findings findings) {}
}
