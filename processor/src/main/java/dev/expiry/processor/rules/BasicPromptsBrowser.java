package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;

/** A Basic challenge, which makes browsers show their own login dialog. */
public final class BasicPromptsBrowser extends PolicyRule {

  public BasicPromptsBrowser() {
    super(Severity.WARNING, true,
        "The scheme is Basic, which makes browsers show their native login dialog, even for fetch/XHR.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (!policy.scheme().equalsIgnoreCase("Basic")) {
      return;
    }
    findings.onAttribute(this, policy, "scheme", "Browsers know the Basic scheme (RFC 7617) and"
        + " answer a 401 with a Basic challenge by showing their native username and password"
        + " dialog, even for a fetch or XHR request, so the user gets a browser prompt instead of the"
        + " application's login. Use a custom scheme such as scheme = \"MyAuthScheme\", or"
        + " \"Bearer\" for token clients.");
  }
}
