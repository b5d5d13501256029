package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * Two policies on one element for the same expiry and kind of client; or policies and an
 * exemption ({@code @NoExpiryPolicy}) on one element.
 */
public final class ConflictingPolicies extends Rule {

  public ConflictingPolicies() {
    super(Severity.ERROR, true, "Two policies on one element answer the same expiry for the same kind of client,"
        + " or an element has both a policy and @NoExpiryPolicy.");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {
    declaration.exemption().ifPresent(exemption -> {
      if (!declaration.policies().isEmpty() && (exemption.checkedHere()
          || declaration.policies().stream().anyMatch(p -> p.checkedHere() || p.useMirror() != exemption.useMirror()))) {
        findings.onUse(this, exemption, "This element is declared exempt with @NoExpiryPolicy and also has "
            + (declaration.policies().size() == 1 ? "a policy" : declaration.policies().size() + " policies")
            + "; it cannot both need no expiry answer and declare one. Remove @NoExpiryPolicy, or the policies.");
      }
    });
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
