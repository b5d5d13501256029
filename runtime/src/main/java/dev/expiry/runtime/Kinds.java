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

  /** A browser: it gets the HTML page. */
  static final int BROWSER = 0;
  /** An API client whose {@code Accept} was not read yet: its body is decided by {@link #json}. */
  static final int API = 1;
  /** An API client that accepts {@code application/problem+json} (its {@code Accept} was read). */
  static final int API_JSON = 2;
  /** An API client that does not accept JSON: it gets plain text. */
  static final int API_TEXT = 3;
  /**
   * Without Fetch Metadata, a request that asks for an image or a stylesheet more than for HTML or
   * JSON, as browsers' {@code <img>}, CSS images and stylesheets do ({@code image/*} or {@code
   * text/css} first, {@code *}{@code /*} lower): an API client whose answer no page reads ({@link
   * #fetchOf} says {@link #BACKGROUND}). Scripts, fonts and media ask for {@code *}{@code /*} as
   * {@code curl} does, and are not told apart.
   */
  static final int API_SUBRESOURCE = 4;

  /**
   * The kind of client, and, when {@code Accept} had to be read to tell, which body it reads:
   * {@link #BROWSER}, {@link #API}, {@link #API_JSON}, {@link #API_TEXT} or {@link
   * #API_SUBRESOURCE}. Each header is read at most once.
   */
  static int kindOf(HttpServletRequest request) {
    return kindOf(request, request.getHeader("Sec-Fetch-Mode"));
  }

  /** {@link #kindOf(HttpServletRequest)}, with the request's {@code Sec-Fetch-Mode} read already. */
  static int kindOf(HttpServletRequest request, String mode) {
    if (mode != null && !mode.isBlank()) {
      return equalsTrimmed(mode, "navigate") ? BROWSER : API;
    }
    String requestedWith = request.getHeader("X-Requested-With");
    if (requestedWith != null && equalsTrimmed(requestedWith, "xmlhttprequest")) {
      return API;
    }
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return API_JSON;
    }
    int json = json(accept);
    int html = quality(accept, "text", "html");
    if (html > json && upgradesInsecureRequests(request)) {
      return BROWSER;
    }
    if (Math.max(quality(accept, "image", "*"), quality(accept, "text", "css")) > Math.max(html, json)) {
      return API_SUBRESOURCE;
    }
    return json > 0 || accept.isBlank() ? API_JSON : API_TEXT;
  }

  /**
   * Whether the request carries {@code Upgrade-Insecure-Requests: 1}, which browsers send with
   * every navigation (frames and form posts too) and {@code fetch} and XHR never send by themselves.
   * Without Fetch Metadata (Chromium sends none to an origin that is not potentially trustworthy,
   * such as plain HTTP on a host other than localhost), it is what tells a navigation from a script
   * that asked for HTML.
   */
  private static boolean upgradesInsecureRequests(HttpServletRequest request) {
    String upgrade = request.getHeader("Upgrade-Insecure-Requests");
    return upgrade != null && equalsTrimmed(upgrade, "1");
  }

  /** No client library that asks for redirects in its own form: the kind decides alone. */
  static final int PLAIN = 0;
  /** htmx ({@code HX-Request: true}): the redirect as {@code HX-Redirect} on a 200. */
  static final int HTMX = 1;
  /** A Turbo Drive visit or form submission ({@code X-Turbo-Request-Id}): the redirect as is. */
  static final int TURBO = 2;
  /** A Turbo frame's request ({@code Turbo-Frame}): the redirect, back to the page around the frame. */
  static final int TURBO_FRAME = 3;
  /** An Inertia visit ({@code X-Inertia: true}): 409 with {@code X-Inertia-Location}. */
  static final int INERTIA = 4;
  /** A Jakarta Faces partial request ({@code Faces-Request: partial/ajax}): a partial-response redirect. */
  static final int FACES = 5;

  /**
   * Which client library sent the request, when it is one that follows a redirect only in its own
   * form: {@link #HTMX}, {@link #TURBO_FRAME}, {@link #TURBO}, {@link #INERTIA}, {@link #FACES}, or
   * {@link #PLAIN}. Read only when the endpoint declares a redirect for browsers.
   */
  static int dialectOf(HttpServletRequest request) {
    String htmx = request.getHeader("HX-Request");
    if (htmx != null && equalsTrimmed(htmx, "true")) {
      return HTMX;
    }
    String faces = request.getHeader("Faces-Request");
    if (faces != null && equalsTrimmed(faces, "partial/ajax")) {
      return FACES;
    }
    String inertia = request.getHeader("X-Inertia");
    if (inertia != null && equalsTrimmed(inertia, "true")) {
      return INERTIA;
    }
    String frame = request.getHeader("Turbo-Frame");
    if (frame != null && !frame.isBlank()) {
      return TURBO_FRAME;
    }
    String turbo = request.getHeader("X-Turbo-Request-Id");
    return turbo != null && !turbo.isBlank() ? TURBO : PLAIN;
  }

  /** A page, or script that reads the answer: it gets the whole answer. */
  static final int PAGE = 0;
  /** A frame navigating ({@code iframe}, {@code frame}, {@code object}, {@code embed}, {@code fencedframe}). */
  static final int FRAME = 1;
  /** A request whose answer no page reads ({@code Sec-Fetch-Mode: no-cors}: images, scripts, stylesheets). */
  static final int BACKGROUND = 2;
  /** A prefetch ({@code Sec-Purpose: prefetch}): the user may never see it. */
  static final int PREFETCH = 3;

  /**
   * What the request fetches for: {@link #PREFETCH}, {@link #BACKGROUND}, {@link #FRAME} or {@link
   * #PAGE}, from {@code Sec-Purpose}, {@code Sec-Fetch-Mode} and {@code Sec-Fetch-Dest}.
   */
  static int fetchOf(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    return fetchOf(request, mode, kindOf(request, mode));
  }

  /**
   * {@link #fetchOf(HttpServletRequest)}, with the request's {@code Sec-Fetch-Mode} and its {@link
   * #kindOf kind} known already. A
   * script's request ({@code cors}, {@code same-origin}) is one a page reads, whatever else it
   * says: browsers send {@code Sec-Purpose} with navigations and {@code no-cors} fetches only
   * (prefetches, speculation rules), and a script cannot set it.
   */
  static int fetchOf(HttpServletRequest request, String mode, int kind) {
    boolean navigate = mode != null && equalsTrimmed(mode, "navigate");
    boolean background = mode != null && !navigate && equalsTrimmed(mode, "no-cors");
    if (mode != null && !mode.isBlank() && !navigate && !background) {
      return PAGE;
    }
    String purpose = request.getHeader("Sec-Purpose");
    if (purpose != null && purpose.regionMatches(true, skipSpace(purpose, 0, purpose.length()), "prefetch", 0, 8)) {
      return PREFETCH;
    }
    if (mode == null || mode.isBlank()) {
      return kind == API_SUBRESOURCE ? BACKGROUND : PAGE;
    }
    if (background) {
      return BACKGROUND;
    }
    if (!navigate) {
      return PAGE;
    }
    String dest = request.getHeader("Sec-Fetch-Dest");
    return dest != null && (equalsTrimmed(dest, "iframe") || equalsTrimmed(dest, "frame") || equalsTrimmed(dest, "object")
        || equalsTrimmed(dest, "embed") || equalsTrimmed(dest, "fencedframe")) ? FRAME : PAGE;
  }

  /** {@link Client#BROWSER} or {@link Client#API}, for a kind of {@link #kindOf}. */
  static Client client(int kind) {
    return kind == BROWSER ? Client.BROWSER : Client.API;
  }

  /**
   * Whether an API client of a kind of {@link #kindOf} accepts {@code application/problem+json}:
   * JSON, or no Accept at all. Reads {@code Accept} only when {@link #kindOf} did not tell (for
   * {@link #API_SUBRESOURCE}, whose answer has no body, only when asked).
   */
  static boolean json(HttpServletRequest request, int kind) {
    if (kind != API && kind != API_SUBRESOURCE) {
      return kind == API_JSON;
    }
    String accept = request.getHeader("Accept");
    return accept == null || json(accept) > 0 || accept.isBlank();
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
   * type/subtype} over {@code type/*} over {@code *}{@code /*}, the first of equally specific
   * ones), 0 if none does (RFC 9110 §12.5.1). Ranges are read as Spring's {@code MediaType} reads
   * them: separated by commas outside quoted strings; a range whose type or subtype is not a token,
   * whose {@code *} type has a subtype other than {@code *}, whose parameter name is not a token or
   * value neither a token nor a quoted string, that names a parameter twice, that holds a control
   * character, whose {@code q} is not an RFC 9110 qvalue, or that has more than {@link
   * #MAX_PARAMETERS} parameters (Spring reads any number, in time that grows with their square), is
   * ignored; a parameter without {@code
   * =} is ignored. One pass over the header, in place, allocating nothing; only a range
   * that would match is read past its subtype.
   */
  static int quality(String accept, String type, String subtype, String otherSubtype) {
    int bestSpecificity = 0;
    int best = 0;
    int otherSpecificity = 0;
    int other = 0;
    int length = accept.length();
    // Without quoted strings a range ends at the next comma. The next comma, semicolon and slash
    // are each looked for again only once the reading has passed them: one pass over the header.
    boolean quoted = accept.indexOf('"') >= 0;
    int comma = -1;
    int semicolon = -1;
    int slash = -1;
    int start = 0;
    while (start <= length) {
      int end;
      if (quoted) {
        end = rangeEnd(accept, start, length);
      } else {
        if (comma < start) {
          comma = next(accept, ',', start, length);
        }
        end = comma;
      }
      int from = skipSpace(accept, start, end);
      if (semicolon < from) {
        semicolon = next(accept, ';', from, length);
      }
      int parameters = semicolon < end ? semicolon : -1;
      int mediaEnd = trimEnd(accept, from, parameters < 0 ? end : parameters);
      if (slash < from) {
        slash = next(accept, '/', from, length);
      }
      if (slash > from && slash + 1 < mediaEnd) {
        // A range that gives a quality is the type or *, then the subtype or *: tokens, with only
        // spaces and tabs around them, so only its parameters can hold what HTTP does not allow.
        boolean anyType = slash == from + 1 && accept.charAt(from) == '*';
        boolean anySubtype = mediaEnd == slash + 2 && accept.charAt(slash + 1) == '*';
        int general = anySubtype ? (anyType ? 1 : 2) : 0;
        boolean ofType = !anyType && matches(accept, from, slash, type);
        int specificity = ofType && matches(accept, slash + 1, mediaEnd, subtype) ? 3 : ofType || anyType ? general : 0;
        int otherSpec = ofType && matches(accept, slash + 1, mediaEnd, otherSubtype) ? 3 : ofType || anyType ? general : 0;
        if ((specificity > bestSpecificity || otherSpec > otherSpecificity) && (!anyType || anySubtype)
            && (parameters < 0 || !hasControl(accept, parameters, end))) {
          int q = parameters < 0 ? 1000 : q(accept, parameters, end);
          if (q >= 0) {
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
      }
      start = end + 1;
    }
    return Math.max(best, other);
  }

  /** The index of the next {@code c} from {@code from}; {@code to} if none. */
  private static int next(String s, char c, int from, int to) {
    int i = s.indexOf(c, from);
    return i < 0 || i > to ? to : i;
  }

  /** The index of the comma that ends the range starting at {@code from}, outside quoted strings; {@code to} if none. */
  private static int rangeEnd(String s, int from, int to) {
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted) {
        i++;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return to;
  }

  /**
   * The {@code q} parameter among {@code ;a=b;q=0.8} (from the first semicolon to the range's end),
   * in thousandths: 1000 when absent, -1 when a parameter is malformed (a name that is not a token,
   * a value neither a token nor a quoted string, a name given twice), the q is not a qvalue, or
   * there are more than {@link #MAX_PARAMETERS} parameters.
   * Semicolons inside quoted strings separate nothing.
   */
  static int q(String s, int from, int to) {
    // Each parameter's name is compared with those after it: past a bound, the range is not one a
    // client means, and reading it would cost the square of its length.
    int parameters = 0;
    for (int i = from; i < to && parameters <= MAX_PARAMETERS; i = paramEnd(s, i, to)) {
      parameters++;
    }
    if (parameters > MAX_PARAMETERS) {
      return -1;
    }
    int q = 1000;
    int i = from;
    while (i < to) {
      int next = paramEnd(s, i, to);
      int paramFrom = skipSpace(s, i + 1, next);
      int paramTo = trimEnd(s, paramFrom, next);
      int eq = indexOf(s, '=', paramFrom, paramTo);
      if (eq >= 0) {
        int nameTo = trimEnd(s, paramFrom, eq);
        int valueFrom = skipSpace(s, eq + 1, paramTo);
        boolean quotedValue = paramTo - valueFrom >= 2 && s.charAt(valueFrom) == '"' && s.charAt(paramTo - 1) == '"';
        if (!isToken(s, paramFrom, nameTo) || (!quotedValue && !isToken(s, valueFrom, paramTo))
            || namedAgain(s, paramFrom, nameTo, next, to)) {
          return -1;
        }
        if (nameTo - paramFrom == 1 && (s.charAt(paramFrom) == 'q' || s.charAt(paramFrom) == 'Q')) {
          q = parseQ(s, valueFrom, paramTo);
          if (q < 0) {
            return -1;
          }
        }
      }
      i = next;
    }
    return q;
  }

  /** The most parameters a range may have; a range with more is ignored. */
  static final int MAX_PARAMETERS = 32;

  /** The index of the semicolon after the one at {@code at}, outside quoted strings; {@code to} if none. */
  private static int paramEnd(String s, int at, int to) {
    int next = at + 1;
    boolean quoted = false;
    while (next < to && (quoted || s.charAt(next) != ';')) {
      char c = s.charAt(next);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted) {
        next++; // a quoted-pair: the next character is taken as it is
      }
      next++;
    }
    return Math.min(next, to);
  }

  /** Whether a parameter after {@code from} (a semicolon) and before {@code to} has the name {@code s[nameFrom, nameTo)}. */
  private static boolean namedAgain(String s, int nameFrom, int nameTo, int from, int to) {
    for (int i = from; i < to; ) {
      int next = paramEnd(s, i, to);
      int paramFrom = skipSpace(s, i + 1, next);
      int eq = indexOf(s, '=', paramFrom, next);
      if (eq >= 0 && sameAscii(s, nameFrom, nameTo, paramFrom, trimEnd(s, paramFrom, eq))) {
        return true;
      }
      i = next;
    }
    return false;
  }

  /** Whether two runs of {@code s} are equal, ignoring the case of ASCII letters. */
  private static boolean sameAscii(String s, int from, int to, int otherFrom, int otherTo) {
    if (to - from != otherTo - otherFrom) {
      return false;
    }
    for (int i = 0; i < to - from; i++) {
      char a = s.charAt(from + i);
      char b = s.charAt(otherFrom + i);
      if (a != b && !((a | 0x20) == (b | 0x20) && (a | 0x20) >= 'a' && (a | 0x20) <= 'z')) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 §12.4.2: {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}; -1 for anything else. */
  private static int parseQ(String s, int from, int to) {
    if (from >= to || (s.charAt(from) != '0' && s.charAt(from) != '1')) {
      return -1;
    }
    int value = (s.charAt(from) - '0') * 1000;
    if (from + 1 < to) {
      if (s.charAt(from + 1) != '.' || to - from - 2 > 3) {
        return -1;
      }
      int scale = 100;
      for (int i = from + 2; i < to; i++, scale /= 10) {
        char c = s.charAt(i);
        if (c < '0' || c > '9' || (value == 1000 && c != '0')) {
          return -1;
        }
        value += (c - '0') * scale;
      }
    }
    return value;
  }

  /** Whether {@code s} from {@code from} to {@code to} is a token: one or more tchar (RFC 9110 §5.6.2). */
  private static boolean isToken(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isTchar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} is a tchar: a letter, a digit or one of {@code !#$%&'*+-.^_`|~}. */
  private static boolean isTchar(char c) {
    return c < 64 ? (TCHAR_LOW & (1L << c)) != 0 : c < 128 && (TCHAR_HIGH & (1L << (c - 64))) != 0;
  }

  /** The tchars among characters 0 to 63 and 64 to 127, one bit each. */
  private static final long TCHAR_LOW = tchars(0);
  private static final long TCHAR_HIGH = tchars(64);

  private static long tchars(int from) {
    long bits = 0;
    for (int c = from; c < from + 64; c++) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0) {
        bits |= 1L << (c - from);
      }
    }
    return bits;
  }

  /** Whether a control character other than HTAB stands between {@code from} and {@code to}. */
  private static boolean hasControl(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code s} from {@code from} to {@code to} is {@code expected}, ignoring the case of
   * ASCII letters only (a header's tokens are ASCII: a dotless i or a Kelvin sign is no {@code i} or
   * {@code k}); {@code expected} is lower case.
   */
  private static boolean matches(String s, int from, int to, String expected) {
    int length = expected.length();
    if (to - from != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(from + i);
      char e = expected.charAt(i);
      if (c != e && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == e)) {
        return false;
      }
    }
    return true;
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
