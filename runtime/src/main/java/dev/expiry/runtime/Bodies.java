package dev.expiry.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders the bodies of an expiry response: the constant parts once per response, at start-up;
 * only the escaped {@code instance} per request.
 */
final class Bodies {

  private Bodies() {}

  /** The RFC 9457 body up to the value of {@code instance}, which each request fills in. */
  static String problemJsonPrefix(int status, String type, String title, String detail) {
    return "{\"type\":\"" + json(type) + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
        + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"";
  }

  static final byte[] PROBLEM_JSON_SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);

  static String text(int status, String title, String detail) {
    return status + " " + title + "\n" + detail + "\n";
  }

  static String html(int status, String title, String detail) {
    String t = html(title);
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + t
        + "</title></head>\n<body><h1>" + t + "</h1>\n<p>" + html(detail) + "</p>\n<p>" + status
        + "</p></body></html>\n";
  }

  /**
   * The HTML page of {@link #html(int, String, String)} with a link to the login page, in two parts
   * around the link's escaped {@code href}. It opens in the whole window ({@code target="_top"}),
   * so that a frame does not show the login page inside itself.
   */
  static String[] htmlAroundLink(int status, String title, String detail) {
    String t = html(title);
    return new String[] {
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + t
            + "</title></head>\n<body><h1>" + t + "</h1>\n<p>" + html(detail) + "</p>\n<p><a href=\"",
        "\" target=\"_top\">Log in again</a></p>\n<p>" + status + "</p></body></html>\n"};
  }

  /** The end of a problem after {@code instance}: the {@code login} extension member (RFC 9457 §3.2). */
  static byte[] problemJsonLoginSuffix(String login) {
    return ("\",\"login\":\"" + json(login) + "\"}").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The HTML text with each character {@code encoder} cannot encode written as a numeric character
   * reference ({@code &#x65E5;}), which HTML reads back as the character in any charset.
   */
  static String withCharacterReferences(String html, java.nio.charset.CharsetEncoder encoder) {
    StringBuilder out = new StringBuilder(html.length() + 16);
    for (int i = 0; i < html.length(); ) {
      int c = html.codePointAt(i);
      String s = new String(Character.toChars(c));
      if (encoder.canEncode(s)) {
        out.append(s);
      } else {
        out.append("&#x").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append(';');
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** Escapes a string for a JSON string literal (RFC 8259 §7), in plain ASCII. */
  static String json(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
    try {
      writeJson(s, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /**
   * The number of bytes {@link #writeJson} writes for {@code s}, or -1 when {@code s} has the
   * character {@code stop} ({@code -1}: none), so that a caller can take out first what it starts;
   * one pass, allocating nothing.
   */
  static int jsonLength(String s, int stop) {
    int length = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == stop) {
        if (c == stop) {
          return -1;
        }
        length += c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' ? 1 : 5;
      }
    }
    return length;
  }

  /**
   * Writes {@code s} escaped for a JSON string literal, in plain ASCII so that it is right in any
   * charset, straight to {@code out}; {@code escaped} is its {@link #jsonLength}, and when that is
   * the length of {@code s} nothing needs escaping. Allocates nothing.
   */
  static void writeJson(String s, int escaped, OutputStream out) throws IOException {
    if (escaped == s.length()) {
      for (int i = 0; i < s.length(); i++) {
        out.write(s.charAt(i));
      }
      return;
    }
    writeJson(s, out);
  }

  /**
   * Writes {@code s} escaped for a JSON string literal, in plain ASCII so that it is right in any
   * charset, straight to {@code out}. Allocates nothing.
   */
  static void writeJson(String s, OutputStream out) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
        out.write(c);
        continue;
      }
      char escape = switch (c) {
        case '"' -> '"';
        case '\\' -> '\\';
        case '\n' -> 'n';
        case '\r' -> 'r';
        case '\t' -> 't';
        default -> 0;
      };
      out.write('\\');
      if (escape != 0) {
        out.write(escape);
      } else {
        out.write('u');
        out.write(HEX[(c >> 12) & 0xF]);
        out.write(HEX[(c >> 8) & 0xF]);
        out.write(HEX[(c >> 4) & 0xF]);
        out.write(HEX[c & 0xF]);
      }
    }
  }

  /** Escapes a string for HTML text and for an XML or HTML attribute value in quotes. */
  static String html(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
