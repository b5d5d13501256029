package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.HttpSyntax;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.PolicyParam;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/** A realm or auth-param that would make the challenge malformed or unsafe. */
public final class InvalidParam extends PolicyRule {

  public InvalidParam() {
    super(Severity.ERROR, false,
        "A param name is not a token or is repeated, or a realm or value has a character that is not"
            + " allowed in a header.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    OptionalInt badRealm = HttpSyntax.firstNonFieldChar(policy.realm());
    if (badRealm.isPresent()) {
      findings.onAttribute(this, policy, "realm", unsafe("realm", policy.realm(), badRealm.getAsInt()));
    }
    Set<String> seen = new HashSet<>();
    if (!policy.realm().isEmpty()) {
      seen.add("realm");
    }
    for (PolicyParam param : policy.params()) {
      OptionalInt badName = HttpSyntax.firstNonTchar(param.name());
      if (param.name().isEmpty()) {
        findings.onParamName(this, policy, param, "A param name is empty (RFC 9110 §11.2:"
            + " auth-param = token \"=\" ( token / quoted-string )). Give it a name such as \"error\".");
      } else if (badName.isPresent()) {
        findings.onParamName(this, policy, param, "The param name \"" + InvalidScheme.printable(param.name())
            + "\" is not a token: " + HttpSyntax.describe(param.name().charAt(badName.getAsInt()))
            + " is not allowed (RFC 9110 §11.2, §5.6.2: letters, digits and !#$%&'*+-.^_`|~ only)."
            + " Use a name such as \"error_description\".");
      } else if (!seen.add(param.name().toLowerCase(Locale.ROOT))) {
        boolean realm = param.name().equalsIgnoreCase("realm");
        findings.onParamName(this, policy, param, "The param \"" + param.name() + "\" is given twice"
            + (realm ? " (realm is set by the realm attribute)" : "")
            + "; RFC 9110 §11.2: \"each parameter name MUST only occur once per challenge\""
            + " (names match case-insensitively). Remove one of them.");
      }
      OptionalInt badValue = HttpSyntax.firstNonFieldChar(param.value());
      if (badValue.isPresent()) {
        findings.onParamValue(this, policy, param, unsafe("value of param \"" + param.name() + "\"",
            param.value(), badValue.getAsInt()));
      }
    }
  }

  private static String unsafe(String what, String value, int index) {
    return "The " + what + " contains " + HttpSyntax.describe(value.charAt(index)) + " at index " + index
        + ", which cannot be sent in a header: a quoted-string allows only HTAB, SP and visible ASCII"
        + " (RFC 9110 §5.6.4), and a CR or LF would split the response. Remove the character"
        + " (percent-encode it if it is part of a URI).";
  }
}
