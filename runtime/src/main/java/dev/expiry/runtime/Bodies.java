package dev.expiry.runtime;

/** Renders the bodies of an expiry response; called once per response, at start-up. */
final class Bodies {

  private Bodies() {}

  /** The RFC 9457 body up to the value of {@code instance}, which each request fills in. */
  static String problemJsonPrefix(int status, String type, String title, String detail) {
    return "{\"type\":\"" + json(type) + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
        + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"";
  }

  static final String PROBLEM_JSON_SUFFIX = "\"}";

  static String text(int status, String title, String detail) {
    return status + " " + title + "\n" + detail + "\n";
  }

  static String html(int status, String title, String detail) {
    String t = html(title);
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + t
        + "</title></head>\n<body><h1>" + t + "</h1>\n<p>" + html(detail) + "</p>\n<p>" + status
        + "</p></body></html>\n";
  }

  /** Escapes a string for a JSON string literal (RFC 8259 §7), in plain ASCII. */
  static String json(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // Non-ASCII escaped too: the body is then right in any charset a writer may use.
          if (c < 0x20 || c > 0x7E) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

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
