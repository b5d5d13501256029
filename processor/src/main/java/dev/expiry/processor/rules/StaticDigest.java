package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;

/** A Digest challenge, which needs a fresh nonce that a compile-time policy cannot have. */
public final class StaticDigest extends PolicyRule {

  public StaticDigest() {
    super(Severity.ERROR, true,
        "The scheme is Digest, which needs a fresh nonce in every challenge; a static policy has none.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (!policy.scheme().equalsIgnoreCase("Digest")) {
      return;
    }
    findings.onAttribute(this, policy, "scheme", "A Digest challenge must carry a nonce, \"a"
        + " server-specified string which should be uniquely generated each time a 401 response is"
        + " made\" (RFC 7616 §3.3), but a policy is fixed at compile time: every response would send"
        + " the same nonce or none, which clients reject and which invites replay. Use a custom scheme"
        + " such as scheme = \"MyAuthScheme\", and let the login page run Digest if it must.");
  }
}
