package dev.expiry.processor.write;

import dev.expiry.processor.model.HttpSyntax;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.PolicyParam;
import java.util.StringJoiner;

/** Renders a policy's challenge exactly as RFC 9110 §11 writes it. */
public final class Challenges {

  private Challenges() {}

  /**
   * {@code scheme}, then {@code realm="…"} if set, then the params in declaration order, each value
   * a quoted-string, separated by {@code ", "}. Example: {@code MyAuthScheme
   * realm="http://example.com"}.
   */
  public static String render(Policy policy) {
    StringJoiner params = new StringJoiner(", ");
    if (!policy.realm().isEmpty()) {
      params.add("realm=" + HttpSyntax.quote(policy.realm()));
    }
    for (PolicyParam p : policy.params()) {
      params.add(p.name() + "=" + HttpSyntax.quote(p.value()));
    }
    return params.length() == 0 ? policy.scheme() : policy.scheme() + " " + params;
  }
}
