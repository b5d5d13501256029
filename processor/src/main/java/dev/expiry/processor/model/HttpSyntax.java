package dev.expiry.processor.model;

import java.util.OptionalInt;

/** The bits of RFC 9110's grammar that policies are checked against and rendered with. */
public final class HttpSyntax {

  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpSyntax() {}

  /** The index of the first character that is not a tchar, if any. */
  public static OptionalInt firstNonTchar(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isTchar(s.charAt(i))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  static boolean isTchar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || TCHAR_SYMBOLS.indexOf(c) >= 0;
  }

  /**
   * The index of the first character that may not appear in a header value Expiry sends: anything
   * but HTAB, SP and visible ASCII (so no CR, LF, other controls, or non-ASCII).
   */
  public static OptionalInt firstNonFieldChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '\t' || (c >= 0x20 && c <= 0x7E))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** RFC 9110 §5.6.4 quoted-string, escaping only DQUOTE and backslash, as the RFC asks. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  /** Names a character for a diagnostic: {@code 'x'}, or {@code CR (U+000D)} for invisible ones. */
  public static String describe(char c) {
    String name = switch (c) {
      case '\r' -> "CR";
      case '\n' -> "LF";
      case '\t' -> "HTAB";
      case ' ' -> "SP";
      case 0 -> "NUL";
      case 0x7F -> "DEL";
      default -> null;
    };
    String code = String.format("U+%04X", (int) c);
    if (name != null) {
      return name + " (" + code + ")";
    }
    return c < 0x20 || c > 0x7E ? "the character " + code : "'" + c + "' (" + code + ")";
  }
}
