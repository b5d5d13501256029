package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Policy;

/** A redirect for script clients. */
public final class RedirectForApi extends PolicyRule {

  public RedirectForApi() {
    super(Severity.WARNING, true, "A 3xx policy answers API (or ANY) clients.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (policy.isRedirect() && policy.status() != 304 && policy.client() != Client.BROWSER) {
      findings.onAttribute(this, policy, "status", "A " + policy.status() + " redirect for client = "
          + policy.client() + " reaches script clients too: fetch follows redirects silently and XHR cannot"
          + " see them (Fetch Standard, \"HTTP-redirect fetch\"), so the call gets the login page with a"
          + " 200 instead of a status it can act on. Set client = Client.BROWSER on this policy and add a"
          + " client = Client.API policy with status = 401 and a scheme.");
    }
  }
}
