package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.expiry.Client;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * The runtime's decision of the kind of client and its body, on generated {@code Accept}, {@code
 * Sec-Fetch-*} and {@code X-Requested-With} headers (q-values good and bad, parameters, quoted
 * strings with commas and semicolons, wildcards, odd spacing, duplicates, lookalike letters,
 * garbage): it never throws, and it is the decision of a reference built on Spring's {@link
 * MediaType} parser, which reads each comma-separated range (quotes respected) as Spring does and
 * ignores a range Spring refuses. Where Spring is more lenient than HTTP, the reference refuses
 * the range too: a q that is not an RFC 9110 qvalue (Spring takes any number from 0 to 1, {@code
 * .5}, {@code 0.0001}, {@code "0.5"}), a control character (Spring trims them off), {@code *} alone
 * (Spring reads it as {@code *}{@code /*}), a parameter named twice (Spring keeps one of them). The
 * garbage is visible ASCII but backslash and single quote (Spring gives them meanings HTTP does not
 * outside quoted strings), lookalike letters, NUL and VT. The kinds are those of the README: {@code Sec-Fetch-Mode:
 * navigate} is a browser, any other mode a script; then {@code X-Requested-With: XMLHttpRequest} a
 * script; then a browser when text/html has a higher quality than JSON and the request carries
 * {@code Upgrade-Insecure-Requests: 1}. What the request fetches for (a page, a frame, a request no
 * page reads, a prefetch) is checked against a reference too, on generated {@code Sec-Fetch-Dest}
 * and {@code Sec-Purpose}.
 */
class ClientKindPropertyTest {

  static final int TRIES = 100_000;
  private static final AtomicLong INPUTS = new AtomicLong();

  record Headers(String mode, String site, String dest, String requestedWith, String accept, String upgrade,
      String purpose) {}

  @Property(tries = TRIES)
  void theDecisionIsTheReferenceDecision(@ForAll("headers") Headers h) {
    int kind = Kinds.kindOf(request(h));
    Client expected = referenceKind(h);
    assertEquals(expected, Kinds.client(kind), () -> "kind for " + h);
    if (expected == Client.API) {
      boolean json = h.accept() == null || h.accept().isBlank() || referenceJson(h.accept()) > 0;
      assertEquals(json, Kinds.json(request(h), kind), () -> "JSON body for " + h);
    }
    assertEquals(referenceFetch(h), Kinds.fetchOf(request(h)), () -> "what it fetches for, " + h);
    INPUTS.incrementAndGet();
  }

  @AfterContainer
  static void report() {
    System.out.println("[client kinds] " + INPUTS.get() + " generated requests decided as the reference decides");
  }

  // The reference.

  static Client referenceKind(Headers h) {
    if (h.mode() != null && !h.mode().isBlank()) {
      return asciiEqualsIgnoreCase(strip(h.mode()), "navigate") ? Client.BROWSER : Client.API;
    }
    if (h.requestedWith() != null && asciiEqualsIgnoreCase(strip(h.requestedWith()), "XMLHttpRequest")) {
      return Client.API;
    }
    if (h.accept() != null && referenceQuality(h.accept(), "text", "html") > referenceJson(h.accept())
        && h.upgrade() != null && strip(h.upgrade()).equals("1")) {
      return Client.BROWSER;
    }
    return Client.API;
  }

  /**
   * What the request fetches for: a script's mode says a page reads it; a prefetch; without
   * Fetch Metadata, a request that is neither XHR nor a browser's navigation and asks for an image
   * or a stylesheet more than for HTML and JSON is one no page reads; {@code no-cors} is one no page reads; a navigation of a frame.
   */
  static int referenceFetch(Headers h) {
    String mode = h.mode() == null || h.mode().isBlank() ? "" : strip(h.mode());
    if (!mode.isEmpty() && !asciiEqualsIgnoreCase(mode, "navigate") && !asciiEqualsIgnoreCase(mode, "no-cors")) {
      return Kinds.PAGE;
    }
    if (h.purpose() != null && h.purpose().stripLeading().toLowerCase(Locale.ROOT).startsWith("prefetch")) {
      return Kinds.PREFETCH;
    }
    if (mode.isEmpty()) {
      // Script (X-Requested-With) and browsers read what they get.
      boolean xhr = h.requestedWith() != null && asciiEqualsIgnoreCase(strip(h.requestedWith()), "XMLHttpRequest");
      if (h.accept() == null || xhr || referenceKind(h) == Client.BROWSER) {
        return Kinds.PAGE;
      }
      int asked = Math.max(referenceQuality(h.accept(), "image", "*"), referenceQuality(h.accept(), "text", "css"));
      return asked > 0 && asked > Math.max(referenceQuality(h.accept(), "text", "html"), referenceJson(h.accept()))
          ? Kinds.BACKGROUND : Kinds.PAGE;
    }
    if (asciiEqualsIgnoreCase(mode, "no-cors")) {
      return Kinds.BACKGROUND;
    }
    String dest = h.dest() == null ? "" : strip(h.dest());
    return List.of("iframe", "frame", "object", "embed", "fencedframe").stream()
        .anyMatch(d -> asciiEqualsIgnoreCase(dest, d)) ? Kinds.FRAME : Kinds.PAGE;
  }

  static int referenceJson(String accept) {
    return Math.max(referenceQuality(accept, "application", "problem+json"), referenceQuality(accept, "application", "json"));
  }

  /**
   * The quality, in thousandths, of the most specific range Spring parses that matches {@code
   * type/subtype}: the type and subtype, then {@code type/*}, then {@code *}{@code /*} (the first of
   * equally specific ones); 0 when none does.
   */
  static int referenceQuality(String accept, String type, String subtype) {
    int best = 0;
    int quality = 0;
    for (String range : MimeTypeUtils.tokenize(accept)) {
      if (!lenientOnlyInSpring(range)) {
        continue;
      }
      MediaType media;
      try {
        media = MediaType.parseMediaType(range);
      } catch (InvalidMediaTypeException refused) {
        continue;
      }
      String t = media.getType();
      String s = media.getSubtype();
      int specificity = t.equals("*") ? (s.equals("*") ? 1 : 0)
          : t.equals(type) ? (s.equals(subtype) ? 3 : s.equals("*") ? 2 : 0) : 0;
      if (specificity <= best) {
        continue;
      }
      String q = media.getParameter("q");
      int value = q == null ? 1000 : rfcQuality(q);
      if (value >= 0) {
        best = specificity;
        quality = value;
      }
    }
    return quality;
  }

  /** Whether HTTP reads a range Spring may read: no control character, not {@code *} alone, no parameter twice. */
  static boolean lenientOnlyInSpring(String range) {
    if (range.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
      return false;
    }
    int semicolon = range.indexOf(';');
    if (strip(semicolon < 0 ? range : range.substring(0, semicolon)).equals("*")) {
      return false;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    // Parameters as Spring splits them: at semicolons outside double quotes.
    boolean quoted = false;
    int from = semicolon;
    for (int i = semicolon + 1; semicolon >= 0 && i <= range.length(); i++) {
      char c = i < range.length() ? range.charAt(i) : ';';
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && (!quoted || i == range.length())) {
        String parameter = range.substring(from + 1, i);
        int eq = parameter.indexOf('=');
        if (eq >= 0 && !names.add(strip(parameter.substring(0, eq)).toLowerCase(Locale.ROOT))) {
          return false;
        }
        from = i;
      }
    }
    return true;
  }

  /** RFC 9110 §12.4.2 {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}, or -1. */
  static int rfcQuality(String q) {
    if (q.matches("0(\\.[0-9]{0,3})?")) {
      return q.length() <= 2 ? 0 : Integer.parseInt((q.substring(2) + "000").substring(0, 3));
    }
    return q.matches("1(\\.0{0,3})?") ? 1000 : -1;
  }

  static boolean asciiEqualsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && !(x < 0x80 && y < 0x80 && Character.toLowerCase(x) == Character.toLowerCase(y))) {
        return false;
      }
    }
    return true;
  }

  private static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  // The generators.

  @Provide
  Arbitrary<Headers> headers() {
    Arbitrary<String> mode = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.just((String) null),
        Arbitraries.of("navigate", " Navigate ", "NAVIGATE", "nav\u0131gate", "navigate\t", "cors", "no-cors",
            "same-origin", "websocket", "", " ", "\t", "navigate, cors"), garbage());
    Arbitrary<String> site = Arbitraries.oneOf(Arbitraries.just((String) null),
        Arbitraries.of("same-origin", "cross-site", "none", ""), garbage());
    Arbitrary<String> requestedWith = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.just((String) null),
        Arbitraries.of("XMLHttpRequest", " xmlhttprequest ", "XMLHTTPREQUEST", "fetch", "", "XMLHttpRequest, x"), garbage());
    Arbitrary<String> accept = Arbitraries.oneOf(Arbitraries.just((String) null), accept(), accept(), accept(), garbage());
    Arbitrary<String> upgrade = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.of("1", " 1 ", "1\t"),
        Arbitraries.of("0", "", "11", "1, 1", "true"), garbage());
    Arbitrary<String> dest = Arbitraries.oneOf(Arbitraries.just((String) null),
        Arbitraries.of("document", "iframe", " IFrame ", "frame", "object", "embed", "fencedframe", "image", "empty", ""),
        garbage());
    Arbitrary<String> purpose = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.just((String) null),
        Arbitraries.of("prefetch", " Prefetch", "prefetch;prerender", "prerender", ""), garbage());
    return Combinators.combine(mode, site, dest, requestedWith, accept, upgrade, purpose).as(Headers::new);
  }

  private static Arbitrary<String> garbage() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\u0131', '\u212A', '\u00e9', '\u0000', '\u000B')
        .excludeChars('\\', '\'').ofMaxLength(40);
  }

  private static Arbitrary<String> accept() {
    Arbitrary<String> type = Arbitraries.of("application", "Application", "APPLICATION", "text", "TEXT", "Text", "image",
        "*", "", "appl\u0131cation", "te\u212At", "text ", " text", "x-app");
    Arbitrary<String> subtype = Arbitraries.of("json", "JSON", "problem+json", "Problem+JSON", "html", "HTML", "xml", "*",
        "", "json ", "*+json", "vnd.api+json", "htm\u212A", "xhtml+xml", "html/x", "json;", "*html", "css", "CSS",
        "webp", "c\u0455s");
    Arbitrary<String> param = Arbitraries.of("q=0", "q=0.5", "q=1", "q=1.000", "q=0.001", "q=0.123", "q=0.9", "q=0.90",
        "Q=0.3", "q = 0.3", " q=0.8", "q=0.8 ", "q=2", "q=-1", "q=.5", "q=0.0001", "q=bad", "q=", "q=1.5", "q=\"0.5\"",
        "q=1.001", "q=0.", "level=1", "charset=utf-8", "x=\"a,b\"", "x=\"a;q=0.1\"", "x=\"a,q=0.9\"",
        "a b=c", "noeq", "", "x=", "=y", "x=a b", "x=\"unterminated", "x=\"a\";q=0.2", "x=@");
    Arbitrary<String> params = param.list().ofMaxSize(3).map(l -> {
      StringBuilder p = new StringBuilder();
      for (String each : l) {
        p.append(each.hashCode() % 3 == 0 ? " ; " : ";").append(each);
      }
      return p.toString();
    });
    Arbitrary<String> range = Arbitraries.oneOf(
        Combinators.combine(type, subtype, params).as((t, s, p) -> t + "/" + s + p),
        Combinators.combine(type, subtype, params).as((t, s, p) -> t + "/" + s + p),
        Arbitraries.of("*/*", "*/*;q=0.1", "*", "*/", "/json", "application", "text/html;q=0.5;q=0.9",
            "application/json;q=0.9;Q=0.1", "text/html, text/html;q=0",
            "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "text/css,*/*;q=0.1",
            "image/webp,*/*", "image/*;q=0.8, */*;q=0.5"),
        garbage());
    Arbitrary<String> separator = Arbitraries.of(",", ", ", " ,", ",,", " , ", ",\t", "");
    return Combinators.combine(range.list().ofMinSize(1).ofMaxSize(5), separator.list().ofSize(5)).as((ranges, seps) -> {
      StringBuilder a = new StringBuilder();
      for (int i = 0; i < ranges.size(); i++) {
        a.append(i == 0 ? "" : seps.get(i).isEmpty() ? "," : seps.get(i)).append(ranges.get(i));
      }
      return a.toString();
    });
  }

  /** A request with these headers (null: absent) and nothing else. */
  private static HttpServletRequest request(Headers h) {
    Map<String, String> headers = new HashMap<>();
    headers.put("sec-fetch-mode", h.mode());
    headers.put("sec-fetch-site", h.site());
    headers.put("sec-fetch-dest", h.dest());
    headers.put("x-requested-with", h.requestedWith());
    headers.put("accept", h.accept());
    headers.put("upgrade-insecure-requests", h.upgrade());
    headers.put("sec-purpose", h.purpose());
    return (HttpServletRequest) Proxy.newProxyInstance(ClientKindPropertyTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
          if (!method.getName().equals("getHeader")) {
            throw new UnsupportedOperationException(method.getName());
          }
          return headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
        });
  }
}
