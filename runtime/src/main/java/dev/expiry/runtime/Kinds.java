package dev.expiry.runtime;

import dev.expiry.Client;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides which kind of client sent a request, the same way everywhere (see {@link Client}), and
 * which body it can read. Runs only for a request whose endpoint has policies, never on the
 * pass-through path, and never throws on odd headers.
 */
final class Kinds {

  private Kinds() {}

  /** {@link Client#BROWSER} or {@link Client#API}. */
  static Client kindOf(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null && !mode.isBlank()) {
      return equalsTrimmed(mode, "navigate") ? Client.BROWSER : Client.API;
    }
    String requestedWith = request.getHeader("X-Requested-With");
    if (requestedWith != null && equalsTrimmed(requestedWith, "XMLHttpRequest")) {
      return Client.API;
    }
    String accept = request.getHeader("Accept");
    if (accept != null && quality(accept, "text", "html") > json(accept)) {
      return Client.BROWSER;
    }
    return Client.API;
  }

  /** Whether the client accepts {@code application/problem+json}: JSON, or no Accept at all. */
  static boolean acceptsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept == null || accept.isBlank() || json(accept) > 0;
  }

  /** The quality of JSON: the better of {@code application/problem+json} and {@code application/json}. */
  private static int json(String accept) {
    return quality(accept, "application", "problem+json", "json");
  }

  /** The quality the Accept header gives a media type; see {@link #quality(String, String, String, String)}. */
  static int quality(String accept, String type, String subtype) {
    return quality(accept, type, subtype, subtype);
  }

  /**
   * The better quality the Accept header gives {@code type/subtype} or {@code type/otherSubtype},
   * in thousandths: each takes that of the most specific range that matches it ({@code
   * type/subtype} over {@code type/*} over {@code *}{@code /*}), 0 if none does (RFC 9110
   * §12.5.1). One pass over the header, in place, allocating nothing.
   */
  static int quality(String accept, String type, String subtype, String otherSubtype) {
    int bestSpecificity = 0;
    int best = 0;
    int otherSpecificity = 0;
    int other = 0;
    int length = accept.length();
    int start = 0;
    while (start < length) {
      int end = accept.indexOf(',', start);
      if (end < 0) {
        end = length;
      }
      int paramsAt = indexOf(accept, ';', start, end);
      int mediaEnd = paramsAt < 0 ? end : paramsAt;
      int from = skipSpace(accept, start, mediaEnd);
      int to = trimEnd(accept, from, mediaEnd);
      int slash = indexOf(accept, '/', from, to);
      if (slash > from) {
        boolean anyType = slash - from == 1 && accept.charAt(from) == '*';
        boolean anySubtype = to - slash - 1 == 1 && accept.charAt(slash + 1) == '*';
        boolean sameType = matches(accept, from, slash, type);
        int general = sameType && anySubtype ? 2 : anyType && anySubtype ? 1 : 0;
        int specificity = sameType && matches(accept, slash + 1, to, subtype) ? 3 : general;
        int otherSpec = sameType && matches(accept, slash + 1, to, otherSubtype) ? 3 : general;
        if (specificity > bestSpecificity || otherSpec > otherSpecificity) {
          int q = paramsAt < 0 ? 1000 : q(accept, paramsAt, end);
          if (specificity > bestSpecificity) {
            bestSpecificity = specificity;
            best = q;
          }
          if (otherSpec > otherSpecificity) {
            otherSpecificity = otherSpec;
            other = q;
          }
        }
      }
      start = end + 1;
    }
    return Math.max(best, other);
  }

  private static boolean matches(String s, int from, int to, String expected) {
    return to - from == expected.length() && s.regionMatches(true, from, expected, 0, expected.length());
  }

  /** The {@code q} parameter among {@code ;a=b;q=0.8}, in thousandths; 1000 when absent, 0 when malformed. */
  private static int q(String s, int from, int to) {
    int i = from;
    while (i < to) {
      int next = indexOf(s, ';', i + 1, to);
      int paramEnd = next < 0 ? to : next;
      int name = skipSpace(s, i + 1, paramEnd);
      if (name + 1 < paramEnd && (s.charAt(name) == 'q' || s.charAt(name) == 'Q')) {
        int eq = skipSpace(s, name + 1, paramEnd);
        if (eq < paramEnd && s.charAt(eq) == '=') {
          return parseQ(s, skipSpace(s, eq + 1, paramEnd), trimEnd(s, eq + 1, paramEnd));
        }
      }
      i = paramEnd;
    }
    return 1000;
  }

  /** RFC 9110 §12.4.2: {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
  private static int parseQ(String s, int from, int to) {
    if (from >= to || (s.charAt(from) != '0' && s.charAt(from) != '1')) {
      return 0;
    }
    int value = (s.charAt(from) - '0') * 1000;
    if (from + 1 < to) {
      if (s.charAt(from + 1) != '.' || to - from - 2 > 3) {
        return 0;
      }
      int scale = 100;
      for (int i = from + 2; i < to; i++, scale /= 10) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return 0;
        }
        value += (c - '0') * scale;
      }
    }
    return Math.min(value, 1000);
  }

  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpace(String s, int from, int to) {
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String s, int from, int to) {
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return to;
  }

  private static boolean equalsTrimmed(String value, String expected) {
    int from = skipSpace(value, 0, value.length());
    int to = trimEnd(value, from, value.length());
    return matches(value, from, to, expected);
  }
}
