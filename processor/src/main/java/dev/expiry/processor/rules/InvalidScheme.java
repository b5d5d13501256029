package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.HttpSyntax;
import dev.expiry.processor.model.Policy;
import java.util.OptionalInt;

/** A scheme that is not a token. */
public final class InvalidScheme extends PolicyRule {

  public InvalidScheme() {
    super(Severity.ERROR, false, "The scheme is not an RFC 9110 token.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    OptionalInt bad = HttpSyntax.firstNonTchar(policy.scheme());
    if (bad.isPresent()) {
      findings.onAttribute(this, policy, "scheme", "The scheme \"" + printable(policy.scheme())
          + "\" is not a token: " + HttpSyntax.describe(policy.scheme().charAt(bad.getAsInt()))
          + " at index " + bad.getAsInt() + " is not allowed (RFC 9110 §11.1: auth-scheme = token;"
          + " §5.6.2: letters, digits and !#$%&'*+-.^_`|~ only). Use a single word such as"
          + " \"MyAuthScheme\"; put anything else in realm or params.");
    }
  }

  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= 0x20 && c <= 0x7E ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return out.toString();
  }
}
