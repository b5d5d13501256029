package dev.expiry.processor.rules;

import java.util.Optional;

/**
 * RFC 3986 §4.1 {@code URI-reference = URI / relative-ref}, checked for what a Bearer {@code
 * error_uri} needs: its characters, its percent-encodings, its scheme, one fragment at most, and
 * brackets only around an IP literal host.
 */
final class UriReference {

  private static final String UNRESERVED_AND_RESERVED = "-._~:/?#[]@!$&'()*+,;=";

  private UriReference() {}

  /** What is wrong with {@code value} as a URI-reference, in words; empty when it is one. */
  static Optional<String> problem(String value) {
    if (value.isEmpty()) {
      return Optional.of("it is empty, and names no page");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length() || !isHex(value.charAt(i + 1)) || !isHex(value.charAt(i + 2))) {
          return Optional.of("the '%' at index " + i + " does not start a percent-encoding (% and two hex digits)");
        }
        i += 2;
      } else if (!isAlphaNum(c) && UNRESERVED_AND_RESERVED.indexOf(c) < 0) {
        return Optional.of("'" + c + "' at index " + i + " may only appear percent-encoded");
      }
    }
    int hash = value.indexOf('#');
    if (hash >= 0 && value.indexOf('#', hash + 1) >= 0) {
      return Optional.of("it has a second '#' at index " + value.indexOf('#', hash + 1) + " (a fragment may not contain one)");
    }
    int end = firstOf(value, "/?#", 0);
    int colon = value.indexOf(':');
    boolean hasScheme = colon >= 0 && (end < 0 || colon < end);
    if (hasScheme && !isScheme(value.substring(0, colon))) {
      return Optional.of("\"" + value.substring(0, colon) + "\" before the first ':' is not a scheme (a letter,"
          + " then letters, digits, '+', '-' or '.'; in a relative reference the first segment has no ':')");
    }
    int authority = hasScheme ? colon + 1 : 0;
    int authorityEnd = -1;
    if (value.startsWith("//", authority)) {
      authority += 2;
      authorityEnd = firstOf(value, "/?#", authority);
      if (authorityEnd < 0) {
        authorityEnd = value.length();
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c == '[' || c == ']') && (authorityEnd < 0 || i < authority || i >= authorityEnd)) {
        return Optional.of("'" + c + "' at index " + i + " is outside the host, the only place it may stand unencoded");
      }
    }
    return Optional.empty();
  }

  private static boolean isScheme(String s) {
    if (s.isEmpty() || !isAlpha(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAlphaNum(c) && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static int firstOf(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlphaNum(char c) {
    return isAlpha(c) || (c >= '0' && c <= '9');
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
