package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.HttpSyntax;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.PolicyParam;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Bearer challenge that RFC 6750 §3 does not allow: an unknown {@code error} code, a status the
 * error code contradicts; or one its grammar forbids: no auth-param at all, characters the Bearer
 * attributes may not carry, a {@code scope} that is not space-separated scope-tokens, an {@code
 * error_uri} that is not a URI-reference, an empty {@code error} or {@code error_description}. The
 * grammar part keeps the header readable by token clients, so no option or {@code
 * @SuppressWarnings} silences it.
 */
public final class BearerError extends PolicyRule {

  /** RFC 6750 §3.1: each error code and the status it goes with. */
  private static final Map<String, Integer> STATUS_OF_ERROR = Map.of(
      "invalid_request", 400,
      "invalid_token", 401,
      "insufficient_scope", 403);

  /** RFC 6750 §3: the attributes whose values have a restricted character set. */
  private static final Set<String> RESTRICTED = Set.of("error", "error_description", "error_uri", "scope");

  public BearerError() {
    super(Severity.ERROR, true,
        "A Bearer challenge has an error code RFC 6750 does not define, a status that contradicts it,"
            + " or (never suppressible) breaks RFC 6750's grammar: no auth-param, a \" or \\ in error,"
            + " error_description, error_uri or scope, a scope that is not space-separated tokens, an"
            + " error_uri that is not a URI-reference, an empty value.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    if (!policy.scheme().equalsIgnoreCase("Bearer")) {
      return;
    }
    if (policy.realm().isEmpty() && policy.params().isEmpty()) {
      findings.unsuppressible().onAttribute(this, policy, "scheme", "A Bearer challenge needs at least one"
          + " auth-param (RFC 6750 §3: the \"Bearer\" auth-scheme \"MUST be followed by one or more"
          + " auth-param values\"), and token clients that parse it by that rule reject a bare \"Bearer\"."
          + " Add realm = \"example\", or params = @Param(name = \"error\", value = \"invalid_token\")."
          + " This check of BearerError cannot be turned off or suppressed.");
    }
    boolean errorSendable = true;
    for (PolicyParam param : policy.params()) {
      String name = param.name().toLowerCase(Locale.ROOT);
      if (!RESTRICTED.contains(name)) {
        continue;
      }
      OptionalInt bad = firstNotAllowed(name, param.value());
      Optional<String> grammar = bad.isPresent() ? Optional.empty() : grammarProblem(name, param.value());
      if (bad.isEmpty() && grammar.isEmpty()) {
        continue;
      }
      errorSendable &= !name.equals("error");
      if (grammar.isPresent()) {
        findings.unsuppressible().onParamValue(this, policy, param, grammar.get()
            + " This check of BearerError cannot be turned off or suppressed.");
      } else if (HttpSyntax.firstNonFieldChar(param.value()).isEmpty()) {
        // Controls and non-ASCII are InvalidParam's; report only what a header could carry.
        findings.unsuppressible().onParamValue(this, policy, param, charsetMessage(name, param.value(),
            bad.getAsInt()));
      }
    }
    Optional<PolicyParam> error = policy.param("error");
    if (error.isEmpty() || !errorSendable) {
      return;
    }
    String code = error.get().value();
    Integer status = STATUS_OF_ERROR.get(code);
    if (status == null) {
      String hint = STATUS_OF_ERROR.keySet().stream().filter(k -> k.equalsIgnoreCase(code)).findFirst()
          .map(k -> " (error codes are case-sensitive: write \"" + k + "\")").orElse("");
      findings.onParamValue(this, policy, error.get(), "The Bearer error code \"" + code + "\" is not"
          + " one RFC 6750 §3.1 defines (invalid_request, invalid_token, insufficient_scope)" + hint
          + ", so clients cannot tell what to do. For an expired session use value = \"invalid_token\""
          + " (\"The access token provided is expired, revoked, malformed, or invalid\"), with status"
          + " = 401.");
    } else if (status != policy.status()) {
      findings.onAttribute(this, policy, "status", "The Bearer error \"" + code + "\" goes with "
          + status + ", not " + policy.status() + " (RFC 6750 §3.1: invalid_request \"SHOULD respond"
          + " with the HTTP 400\", invalid_token \"SHOULD respond with the HTTP 401\","
          + " insufficient_scope \"SHOULD respond with the HTTP 403\"). For an expired session use"
          + " status = 401 with error = \"invalid_token\".");
    }
  }

  /**
   * The first character outside what RFC 6750 §3 allows: %x20-21 / %x23-5B / %x5D-7E, that is
   * printable ASCII without DQUOTE and backslash, and for {@code error_uri}, a URI-reference, no
   * space either.
   */
  private static OptionalInt firstNotAllowed(String name, String value) {
    boolean spaceAllowed = !name.equals("error_uri");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = (c == ' ' && spaceAllowed) || (c >= 0x21 && c <= 0x7E && c != '"' && c != '\\');
      if (!allowed) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * What RFC 6750 §3's grammar says against a value whose characters are all allowed: an empty
   * {@code error} or {@code error_description} ({@code 1*nqschar}), a {@code scope} that is not
   * {@code scope-token *( SP scope-token )} (RFC 6749 §3.3), an {@code error_uri} that is not a
   * URI-reference (RFC 3986 §4.1).
   */
  static Optional<String> grammarProblem(String name, String value) {
    switch (name) {
      case "error", "error_description" -> {
        return value.isEmpty()
            ? Optional.of("The Bearer " + name + " is empty, but RFC 6750 §3 gives it at least one character"
                + " (" + name.replace('_', '-') + " = 1*( %x20-21 / %x23-5B / %x5D-7E )). Say what happened,"
                + " or leave the param out.")
            : Optional.empty();
      }
      case "scope" -> {
        int at = value.isEmpty() ? -1 : value.startsWith(" ") ? 0 : value.indexOf("  ");
        if (value.isEmpty() || at >= 0 || value.endsWith(" ")) {
          String where = value.isEmpty() ? "is empty" : at == 0 ? "starts with a space"
              : at > 0 ? "has two spaces in a row at index " + at : "ends with a space";
          return Optional.of("The Bearer scope " + where + ", but RFC 6749 §3.3 (which RFC 6750 §3 refers to)"
              + " writes it scope = scope-token *( SP scope-token ), each scope-token at least one character:"
              + " tokens separated by single spaces, none before or after. Write it as \"read write\", or leave"
              + " the param out.");
        }
        return Optional.empty();
      }
      case "error_uri" -> {
        return UriReference.problem(value).map(problem -> "The Bearer error_uri is not a URI-reference: "
            + problem + " (RFC 6750 §3: its values \"MUST conform to the URI-reference syntax\", RFC 3986"
            + " §4.1). Write an absolute URI such as \"https://example.com/errors/expired\", or a path.");
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String charsetMessage(String name, String value, int index) {
    String set = name.equals("error_uri") ? "%x21 / %x23-5B / %x5D-7E" : "%x20-21 / %x23-5B / %x5D-7E";
    return "The Bearer " + name + " contains " + HttpSyntax.describe(value.charAt(index)) + " at index "
        + index + ", but RFC 6750 §3 says its values \"MUST NOT include characters outside the set "
        + set + "\" (no \" or \\, not even escaped" + (name.equals("error_uri") ? ", and no space" : "")
        + "), and token clients that parse the challenge by that rule will fail. Remove or replace the"
        + " character. This check of BearerError cannot be turned off or suppressed.";
  }
}
