package dev.expiry;

import java.util.Optional;

/**
 * Reads back the return path a login page receives — the {@code next} of {@code location =
 * "/login?next={path}"}, as {@code request.getParameter("next")} decodes it — and hands it out only
 * when sending the user there keeps them on this site:
 *
 * <pre>{@code
 * String target = ReturnPath.safe(request.getParameter("next")).orElse("/");
 * response.sendRedirect(request.getContextPath() + target);
 * }</pre>
 *
 * <p>A safe return path is a relative reference to a path on the same origin: it starts with one
 * {@code /}, and is made of visible ASCII only (the original path and query come back
 * percent-encoded). Refused, so that a crafted link cannot turn the login page into an open
 * redirect: {@code null} and empty values; anything not starting with {@code /}, so every scheme
 * ({@code https:}, {@code javascript:}, {@code data:}) and every relative path; {@code //host}
 * (network-path references) and {@code /\host} (which browsers read as {@code //host}); a backslash
 * anywhere; control characters, spaces and non-ASCII as written (browsers drop tabs and line breaks
 * from URLs, so {@code /\t/host} is {@code //host} to them); a malformed percent-encoding; and,
 * once percent-decoded, however many times it was encoded, a path that starts with {@code //} or
 * holds a backslash, or a control character anywhere ({@code /%2F%2Fhost}, {@code /%5Chost},
 * {@code /%252F%252Fhost}, {@code /%0d%0aSet-Cookie:…}); the {@code //} check also after {@code .}
 * and {@code ..} segments are removed ({@code /.//host}, {@code /a/..//host}). What the encoding
 * of a safe path stands for — {@code /search?q=a%20b}, {@code /caf%C3%A9} — is fine.
 */
public final class ReturnPath {

  /** How often a value is percent-decoded before it is refused as encoded beyond reason. */
  private static final int MAX_DECODINGS = 8;

  private ReturnPath() {}

  /**
   * {@code next} when it is a safe same-origin path (see the class's description), else empty.
   * Never throws.
   *
   * @param next the value as the request parameter decodes it, or {@code null}
   */
  public static Optional<String> safe(String next) {
    return isSafe(next) ? Optional.of(next) : Optional.empty();
  }

  /** Whether {@link #safe} hands {@code next} out. */
  public static boolean isSafe(String next) {
    if (next == null || next.isEmpty()) {
      return false;
    }
    String value = next;
    for (int decodings = 0; ; decodings++) {
      if (!isSafeForm(value, decodings == 0)) {
        return false;
      }
      String decoded = percentDecoded(value);
      if (decoded == null) {
        return false; // a '%' that starts no escape, or bytes that are not UTF-8
      }
      if (decoded.equals(value)) {
        return true;
      }
      if (decodings == MAX_DECODINGS) {
        return false;
      }
      value = decoded;
    }
  }

  /**
   * One form of the value: it starts with one {@code /}, has no control character, its path no
   * backslash, and its path does not start with {@code //} once dot segments go. The value as
   * written is visible ASCII only, no backslash at all; its decoded forms may hold what the
   * encoding stood for (a space, an accented letter, a backslash in the query).
   */
  private static boolean isSafeForm(String value, boolean asWritten) {
    if (value.isEmpty() || value.charAt(0) != '/') {
      return false;
    }
    int pathEnd = value.length();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
      if (control || (asWritten && (c == ' ' || c > 0x7E || c == '\\')) || (c == '\\' && i < pathEnd)) {
        return false;
      }
      if ((c == '?' || c == '#') && pathEnd == value.length()) {
        pathEnd = i;
      }
    }
    String path = value.substring(0, pathEnd);
    // As written first: removing the dot segments of //./.. leaves /, but it names the host ".".
    return !path.startsWith("//") && !withoutDotSegments(path).startsWith("//");
  }

  /** RFC 3986 §5.2.4, remove_dot_segments, on an absolute path. */
  static String withoutDotSegments(String path) {
    StringBuilder in = new StringBuilder(path);
    StringBuilder out = new StringBuilder();
    while (in.length() > 0) {
      String s = in.toString();
      if (s.startsWith("../")) {
        in.delete(0, 3);
      } else if (s.startsWith("./")) {
        in.delete(0, 2);
      } else if (s.startsWith("/./")) {
        in.delete(0, 2);
      } else if (s.equals("/.")) {
        in.replace(0, 2, "/");
      } else if (s.startsWith("/../") || s.equals("/..")) {
        in.replace(0, s.equals("/..") ? 3 : 4, "/");
        int last = out.lastIndexOf("/");
        out.setLength(Math.max(last, 0));
      } else if (s.equals(".") || s.equals("..")) {
        in.setLength(0);
      } else {
        int next = s.indexOf('/', s.startsWith("/") ? 1 : 0);
        int segmentEnd = next < 0 ? s.length() : next;
        out.append(s, 0, segmentEnd);
        in.delete(0, segmentEnd);
      }
    }
    return out.toString();
  }

  /** The value with each {@code %XX} decoded as UTF-8; {@code null} when it is not well-formed. */
  private static String percentDecoded(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        bytes.write(c); // visible ASCII only, checked before
      }
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }
}
