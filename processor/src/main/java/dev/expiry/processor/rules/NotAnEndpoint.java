package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Policy;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;

/** A policy, or an exemption, where no request can reach it. */
public final class NotAnEndpoint extends Rule {

  public NotAnEndpoint() {
    super(Severity.ERROR, true, "The policy is on an element no request can reach.");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {
    declaration.unreachable().ifPresent(where -> {
      Set<AnnotationMirror> reported = new HashSet<>();
      for (Policy policy : declaration.policies()) {
        if (!reported.add(policy.useMirror())) {
          continue; // one diagnostic for each annotation written, however many policies it carries
        }
        findings.onUse(this, policy, "This policy is on " + where.what() + ", where no request can ever"
            + " reach it, so it would never apply. To make it apply, " + where.fix() + ".");
      }
      declaration.exemption().filter(e -> reported.add(e.useMirror())).ifPresent(e -> findings.onUse(this, e,
          "This @NoExpiryPolicy is on " + where.what() + ", where no request can ever reach it, so it exempts"
              + " nothing. Put it where a policy would apply: " + where.fix() + "."));
    });
  }
}
