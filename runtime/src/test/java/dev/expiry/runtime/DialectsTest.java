package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which client library asked, and which page a fragment's request came from. */
class DialectsTest {

  @Test
  void eachLibraryIsKnownByItsOwnHeader() {
    assertEquals(Kinds.HTMX, Kinds.dialectOf(request("HX-Request", "true")));
    assertEquals(Kinds.HTMX, Kinds.dialectOf(request("HX-Request", " True ")));
    assertEquals(Kinds.FACES, Kinds.dialectOf(request("Faces-Request", "partial/ajax")));
    assertEquals(Kinds.INERTIA, Kinds.dialectOf(request("X-Inertia", "true", "X-Requested-With", "XMLHttpRequest")));
    assertEquals(Kinds.TURBO_FRAME, Kinds.dialectOf(request("Turbo-Frame", "box", "X-Turbo-Request-Id", "1")));
    assertEquals(Kinds.TURBO, Kinds.dialectOf(request("X-Turbo-Request-Id", "1")));
  }

  @Test
  void otherValuesAndNoHeadersArePlain() {
    assertEquals(Kinds.PLAIN, Kinds.dialectOf(request()));
    assertEquals(Kinds.PLAIN, Kinds.dialectOf(request("HX-Request", "false")));
    assertEquals(Kinds.PLAIN, Kinds.dialectOf(request("HX-Request", "")));
    assertEquals(Kinds.PLAIN, Kinds.dialectOf(request("Faces-Request", "partial/other")));
    assertEquals(Kinds.PLAIN, Kinds.dialectOf(request("X-Inertia", "1")));
    assertEquals(Kinds.PLAIN, Kinds.dialectOf(request("Turbo-Frame", " ", "X-Turbo-Request-Id", "")));
    assertEquals(Kinds.PLAIN, Kinds.dialectOf(request("X-Requested-With", "XMLHttpRequest", "Sec-Fetch-Mode", "cors")));
  }

  @Test
  void framesRequestsNoPageReadsAndPrefetchesAreToldApart() {
    assertEquals(Kinds.FRAME, Kinds.fetchOf(request("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "iframe")));
    assertEquals(Kinds.FRAME, Kinds.fetchOf(request("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "frame")));
    assertEquals(Kinds.FRAME, Kinds.fetchOf(request("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", " object ")));
    assertEquals(Kinds.PAGE, Kinds.fetchOf(request("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document")));
    assertEquals(Kinds.PAGE, Kinds.fetchOf(request("Sec-Fetch-Mode", "navigate")));
    assertEquals(Kinds.PAGE, Kinds.fetchOf(request("Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "iframe")));
    assertEquals(Kinds.BACKGROUND, Kinds.fetchOf(request("Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image")));
    assertEquals(Kinds.PREFETCH, Kinds.fetchOf(request("Sec-Purpose", "prefetch", "Sec-Fetch-Mode", "navigate")));
    // A script cannot send Sec-Purpose: its requests are read as pages read them.
    assertEquals(Kinds.PAGE, Kinds.fetchOf(request("Sec-Purpose", "prefetch", "Sec-Fetch-Mode", "cors")));
    assertEquals(Kinds.PREFETCH, Kinds.fetchOf(request("Sec-Purpose", "prefetch", "Sec-Fetch-Mode", "no-cors")));
    assertEquals(Kinds.PREFETCH, Kinds.fetchOf(request("Sec-Purpose", "prefetch")));
    assertEquals(Kinds.PREFETCH, Kinds.fetchOf(request("Sec-Purpose", "prefetch;prerender")));
    assertEquals(Kinds.PAGE, Kinds.fetchOf(request("Sec-Purpose", "pre")));
    assertEquals(Kinds.PAGE, Kinds.fetchOf(request("Sec-Purpose", "")));
    assertEquals(Kinds.PAGE, Kinds.fetchOf(request()));
  }

  @Test
  void aPageOfTheSameOriginGivesItsPathAndQuery() {
    HttpServletRequest r = request("Host", "shop.example:8443");
    assertEquals("/cart?x=1", ExpiryResponse.sameOriginPath(r, "https://shop.example:8443/cart?x=1#top"));
    assertEquals("/cart", ExpiryResponse.sameOriginPath(r, "HTTPS://SHOP.example:8443/cart"));
    assertEquals("/", ExpiryResponse.sameOriginPath(r, "https://shop.example:8443"));
    assertEquals("/?x", ExpiryResponse.sameOriginPath(r, "https://shop.example:8443?x"));
    assertEquals("/a/b?jsessionid=q", ExpiryResponse.sameOriginPath(r, "https://shop.example:8443/a;jsessionid=s/b?jsessionid=q"));
  }

  @Test
  void anythingElseIsNoPage() {
    HttpServletRequest r = request("Host", "shop.example");
    assertNull(ExpiryResponse.sameOriginPath(r, null));
    assertNull(ExpiryResponse.sameOriginPath(r, "http://shop.example/cart"), "another scheme");
    assertNull(ExpiryResponse.sameOriginPath(r, "https://shop.example.evil/cart"));
    assertNull(ExpiryResponse.sameOriginPath(r, "https://shop.example:444/cart"));
    assertNull(ExpiryResponse.sameOriginPath(r, "https://shop.example@evil/cart"));
    assertNull(ExpiryResponse.sameOriginPath(r, "https://shop.example//evil/cart"));
    assertNull(ExpiryResponse.sameOriginPath(r, "https://shop.example/\\evil"));
    assertNull(ExpiryResponse.sameOriginPath(r, "https://shop.example/caf\u00e9"));
    assertNull(ExpiryResponse.sameOriginPath(r, "/cart"), "not absolute");
    assertNull(ExpiryResponse.sameOriginPath(r, ""));
    assertNull(ExpiryResponse.sameOriginPath(request(), "https://shop.example/cart"), "no Host");
  }

  /** A request with these headers (name, value, ...), scheme https, and nothing else. */
  private static HttpServletRequest request(String... headers) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
    }
    return (HttpServletRequest) Proxy.newProxyInstance(DialectsTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getHeader" -> map.get(((String) args[0]).toLowerCase(Locale.ROOT));
          case "getScheme" -> "https";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
