package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Policy;

/** A rule that looks at each policy on its own. */
abstract class PolicyRule extends Rule {

  PolicyRule(Severity defaultSeverity, boolean suppressible, String summary) {
    super(defaultSeverity, suppressible, summary);
  }

  @Override
  public final void check(Declaration declaration, Findings findings) {
    for (Policy policy : declaration.checked()) {
      check(policy, findings);
    }
  }

  abstract void check(Policy policy, Findings findings);
}
