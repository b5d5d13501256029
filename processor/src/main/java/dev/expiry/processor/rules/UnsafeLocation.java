package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Policy;
import java.util.Locale;

/** A location that is not a safe redirect target. */
public final class UnsafeLocation extends PolicyRule {

  public UnsafeLocation() {
    super(Severity.ERROR, false,
        "The location has characters a header cannot carry, a backslash, starts with //, uses a"
            + " scheme other than http or https, or has {path} outside its query.");
  }

  @Override
  void check(Policy policy, Findings findings) {
    String location = policy.location();
    if (location.isEmpty()) {
      return;
    }
    for (int i = 0; i < location.length(); i++) {
      char c = location.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        findings.onAttribute(this, policy, "location", "The location contains "
            + dev.expiry.processor.model.HttpSyntax.describe(c) + " at index " + i + ", which a"
            + " Location header cannot carry (RFC 9110 §10.2.2: a URI-reference; RFC 3986 §2"
            + " allows no spaces, controls or non-ASCII), and a CR or LF would split the response."
            + " Percent-encode it (e.g. %20 for a space).");
        return;
      }
    }
    int placeholder = location.indexOf("{path}");
    int query = location.indexOf('?');
    if (placeholder >= 0 && (query < 0 || placeholder < query)) {
      findings.onAttribute(this, policy, "location", "{path} stands outside the query of \"" + location
          + "\"; it is replaced by the original path and query, percent-encoded as one query value, so it"
          + " only makes sense as the value of a query parameter. Write it as \"/login?next={path}\".");
      return;
    }
    int backslash = location.indexOf('\\');
    if (backslash >= 0) {
      findings.onAttribute(this, policy, "location", "The location \"" + location + "\" contains a"
          + " backslash, which is no URI character (RFC 3986 §2) and which browsers read as / in"
          + " http(s) URLs (WHATWG URL Standard), so \"/\\evil.example\" goes to another host: an"
          + " open redirect. Use / (or %5C where a backslash is really meant).");
      return;
    }
    if (location.startsWith("//")) {
      findings.onAttribute(this, policy, "location", "The location \"" + location + "\" starts with"
          + " //, which browsers read as a network-path reference to another host (RFC 3986 §4.2),"
          + " an open redirect. Write a path (\"/login\") or a full https:// URL.");
      return;
    }
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    if (colon > 0 && (slash < 0 || colon < slash)) {
      String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        findings.onAttribute(this, policy, "location", "The location uses the scheme \"" + scheme
            + ":\"; a redirect for an expired session must stay on the web (http or https), and"
            + " schemes such as javascript: or data: are a known attack vector. Write a path"
            + " (\"/login\") or an https:// URL.");
      }
    }
  }
}
