package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.ReturnPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import okhttp3.HttpUrl;

/**
 * {@code {path}} in a location, expanded for generated request paths and queries (encoded
 * slashes, {@code ..}, {@code //}, backslashes, non-ASCII, {@code ;jsessionid=}), always gives a
 * same-origin location whose {@code next} reads back as the original path and query; and {@link
 * ReturnPath} hands out only values that a browser-like resolver (OkHttp's {@link HttpUrl}, which
 * reads {@code \} as {@code /} and drops tabs and line breaks as browsers do) keeps on the site,
 * however often they are decoded, while handing back every plain path.
 */
class ReturnPathPropertyTest {

  private static final HttpUrl BASE = HttpUrl.get("https://shop.example:8443/shop/orders/1");
  private static final AtomicLong LOCATIONS = new AtomicLong();
  private static final AtomicLong RETURN_PATHS = new AtomicLong();

  record Request(String contextPath, String location, String uri, String query, boolean plain) {}

  @Property(tries = 20_000)
  void expandedLocationsStayOnTheSiteAndCarryThePathBack(@ForAll("requests") Request r) throws Exception {
    ExpiryResponse response = new ExpiryResponse(303, "about:blank", "T", "D", new String[] {"Location", r.location()})
        .inContext(r.contextPath());
    Map<String, String> headers = new HashMap<>();
    response.writeTo(request(r.uri(), r.query()), response(headers), Kinds.BROWSER);
    String location = headers.get("Location");
    assertTrue(ExpiryResponse.isFieldValue(location), location);
    HttpUrl resolved = BASE.resolve(location);
    assertTrue(resolved != null && sameOrigin(resolved), () -> location + " leaves the site");
    assertTrue(resolved.encodedPath().startsWith(ExpiryResponse.encodePath(r.contextPath()) + "/login"), location);
    String next = resolved.queryParameter("next");
    String expected = ExpiryResponse.withoutSessionId(r.uri()) + (r.query() == null ? "" : "?" + r.query());
    assertEquals(expected, URLDecoder.decode(location.replaceAll("^.*[?&]next=([^&#]*).*$", "$1"), StandardCharsets.UTF_8));
    assertTrue(next != null, location);
    if (r.plain()) {
      assertEquals(java.util.Optional.of(expected), ReturnPath.safe(expected), "a plain path comes back");
    }
    assertOnlySafeHandedOut(expected);
    LOCATIONS.incrementAndGet();
  }

  @Property(tries = 20_000)
  void returnPathHandsOutOnlyWhatStaysOnTheSite(@ForAll("nexts") String next) {
    assertOnlySafeHandedOut(next);
    RETURN_PATHS.incrementAndGet();
  }

  @Property(tries = 5_000)
  void plainPathsComeBack(@ForAll("plainPaths") String path) {
    assertEquals(java.util.Optional.of(path), ReturnPath.safe(path));
  }

  @AfterContainer
  static void report() {
    System.out.println("[return paths] " + LOCATIONS.get() + " expanded locations stayed on the site; "
        + RETURN_PATHS.get() + " generated next values checked");
  }

  /** If {@link ReturnPath} hands {@code next} out, it and each of its decodings resolve on the site. */
  private static void assertOnlySafeHandedOut(String next) {
    if (!ReturnPath.safe(next).isPresent()) {
      return;
    }
    String form = next;
    for (int i = 0; i < 4; i++) {
      HttpUrl resolved = BASE.resolve(form);
      String shown = form;
      assertTrue(resolved == null || sameOrigin(resolved), () -> "ReturnPath handed out " + next + ", which resolves to "
          + BASE.resolve(shown));
      assertFalse(form.chars().anyMatch(c -> c < 0x20 || c == 0x7F), next);
      String decoded;
      try {
        decoded = URLDecoder.decode(form.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        break;
      }
      if (decoded.equals(form)) {
        break;
      }
      form = decoded;
    }
  }

  private static boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(BASE.scheme()) && url.host().equals(BASE.host()) && url.port() == BASE.port();
  }

  // Generators.

  private static final String[] ODD_SEGMENTS = {"", ".", "..", "%2F", "%2f", "%5C", "\\", "%252F", "%2E%2E", "a%00b",
      "caf\u00e9", "%C3%A9", "\u65e5\u672c", ";jsessionid=ABC123", ";JSESSIONID=x;v=1", "evil.example", "%0d%0a",
      "a b", "a+b", "@", ":", "x:y", "?", "#"};

  private static Arbitrary<String> plainSegment() {
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,=:@".toCharArray())
        .ofMinLength(1).ofMaxLength(12).filter(s -> !s.equals(".") && !s.equals(".."));
  }

  @Provide
  Arbitrary<String> plainPaths() {
    return plainSegment().list().ofMaxSize(6).map(l -> "/" + String.join("/", l));
  }

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<String> context = Arbitraries.of("", "/shop", "/my shop", "/caf\u00e9");
    Arbitrary<String> location = Arbitraries.of("/login?next={path}", "/login?a=1&next={path}&b=2", "/login/?next={path}#form");
    Arbitrary<List<String>> plain = plainSegment().list().ofMaxSize(5);
    Arbitrary<List<String>> odd = Arbitraries.oneOf(plainSegment(), Arbitraries.of(ODD_SEGMENTS)).list().ofMaxSize(6);
    Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just((String) null),
        Arbitraries.strings().withCharRange('!', '~').withChars('\u00e9', ' ').ofMaxLength(30),
        Arbitraries.of("next=//evil.example", "a=1&b=%2F%2F", "x=%0d%0a", "", "jsessionid=x"));
    Arbitrary<Boolean> isPlain = Arbitraries.of(true, false);
    return Combinators.combine(context, location, isPlain, plain, odd, query).as((c, l, p, ps, os, q) -> {
      List<String> segments = p ? ps : os;
      String uri = c + "/" + String.join("/", segments);
      return new Request(c, l, uri, p ? null : q, p && !uri.contains("/../"));
    }).map(r -> r.plain() ? new Request(r.contextPath(), r.location(), r.uri(), null,
        ReturnPath.isSafe(r.uri())) : r);
  }

  @Provide
  Arbitrary<String> nexts() {
    Arbitrary<String> prefix = Arbitraries.of("/", "//", "///", "/\\", "\\", "\\\\", "https:", "https://", "http:/",
        "javascript:", "data:", "/%2F", "%2F", "/%2f%2f", "/%5C", "/%5c", "/%252F", "/%25252F", "/./", "/../", "/.//",
        "/a/..//", "/\t/", "/\n/", "/\r/", " /", "/%09/", "/%0a/", "/%0d%0a", "/%2e/", "/%2E%2E/", "/%", "/%zz", "/%C3",
        "", "/x", "/%E2%80%A8", "/\u00e9");
    Arbitrary<String> host = Arbitraries.of("evil.example", "shop.example", "", "evil.example:8443", "user@evil.example",
        "[::1]", "127.0.0.1");
    Arbitrary<String> rest = Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\u00e9').ofMaxLength(20);
    return Combinators.combine(prefix, host, rest).as((p, h, r) -> p + h + r);
  }

  // In-memory request and response: what ExpiryResponse asks of them for a redirect.

  private static HttpServletRequest request(String uri, String query) {
    return (HttpServletRequest) Proxy.newProxyInstance(ReturnPathPropertyTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getRequestURI" -> uri;
          case "getQueryString" -> query;
          case "getMethod" -> "GET";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static HttpServletResponse response(Map<String, String> headers) {
    List<String> calls = new ArrayList<>();
    return (HttpServletResponse) Proxy.newProxyInstance(ReturnPathPropertyTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
            case "setStatus", "setContentLength" -> calls.add(method.getName());
            default -> throw new UnsupportedOperationException(method.getName());
          }
          return null;
        });
  }
}
