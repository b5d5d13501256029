package dev.expiry.runtime;

import dev.expiry.Client;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Decides which kind of client sent a request, the same way everywhere (see {@link Client}), and
 * which body it can read. Runs only when a policy answers, never on the pass-through path, and
 * never throws on odd headers.
 */
final class Kinds {

  private Kinds() {}

  /** {@link Client#BROWSER} or {@link Client#API}. */
  static Client kindOf(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null && !mode.isBlank()) {
      return mode.trim().equalsIgnoreCase("navigate") ? Client.BROWSER : Client.API;
    }
    if ("XMLHttpRequest".equalsIgnoreCase(trim(request.getHeader("X-Requested-With")))) {
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

  private static double json(String accept) {
    return Math.max(quality(accept, "application", "problem+json"), quality(accept, "application", "json"));
  }

  /**
   * The quality the Accept header gives a media type: that of the most specific range that matches
   * it ({@code type/subtype} over {@code type/*} over {@code *}{@code /*}), 0 if none does (RFC
   * 9110 §12.5.1).
   */
  static double quality(String accept, String type, String subtype) {
    int bestSpecificity = 0;
    double best = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String media = parts[0].trim().toLowerCase(Locale.ROOT);
      int slash = media.indexOf('/');
      if (slash <= 0) {
        continue;
      }
      String t = media.substring(0, slash);
      String s = media.substring(slash + 1);
      int specificity;
      if (t.equals(type) && s.equals(subtype)) {
        specificity = 3;
      } else if (t.equals(type) && s.equals("*")) {
        specificity = 2;
      } else if (t.equals("*") && s.equals("*")) {
        specificity = 1;
      } else {
        continue;
      }
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        best = q(parts);
      }
    }
    return best;
  }

  private static double q(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          double q = Double.parseDouble(p.substring(2).trim());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
