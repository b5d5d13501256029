package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Policy;
import java.util.ArrayList;
import java.util.List;

/** Two policies on one element for the same expiry and kind of client. */
public final class ConflictingPolicies extends Rule {

  public ConflictingPolicies() {
    super(Severity.ERROR, true, "Two policies on one element answer the same expiry for the same kind of client.");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {
    List<Policy> seen = new ArrayList<>();
    for (Policy policy : declaration.policies()) {
      for (Policy earlier : seen) {
        if (earlier.on() == policy.on() && earlier.client() == policy.client()) {
          if (!policy.checkedHere() && !earlier.checkedHere() && earlier.useMirror() == policy.useMirror()) {
            break; // both in one composed annotation: reported where it is declared
          }
          findings.onUse(this, policy, "This policy answers on = " + policy.on() + ", client = " + policy.client()
              + ", and so does an earlier one on the same element; only one can answer a request, and which"
              + " one would be an accident of order. Remove one, or give them different client or on values.");
          break;
        }
      }
      seen.add(policy);
    }
  }
}
