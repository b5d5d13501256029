package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One prepared response written to in-memory requests and responses: status, headers, {@code
 * {path}}, the body each kind of client reads with its exact length, HEAD, the context path, and
 * the writer an application took already.
 */
class ExpiryResponseTest {

  /** What a response was given: status, headers, content type, length, the bytes or text written. */
  static final class Written {
    int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    String contentType;
    int contentLength = -1;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final StringWriter text = new StringWriter();
    /** The charset of the writer the application took, or null when it took none. */
    String writerCharset;

    String body() {
      return writerCharset != null ? text.toString() : bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static HttpServletRequest request(String method, String uri, String query, String accept) {
    return (HttpServletRequest) Proxy.newProxyInstance(ExpiryResponseTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
          case "getMethod" -> method;
          case "getRequestURI" -> uri;
          case "getQueryString" -> query;
          case "getHeader" -> "accept".equalsIgnoreCase((String) args[0]) ? accept : null;
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  private static HttpServletResponse response(Written w) {
    ServletOutputStream out = new ServletOutputStream() {
      @Override
      public void write(int b) {
        w.bytes.write(b);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    };
    return (HttpServletResponse) Proxy.newProxyInstance(ExpiryResponseTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
          switch (m.getName()) {
            case "setStatus" -> w.status = (Integer) args[0];
            case "setHeader" -> w.headers.put((String) args[0], (String) args[1]);
            case "setContentType" -> w.contentType = (String) args[0];
            case "setContentLength" -> w.contentLength = (Integer) args[0];
            case "getOutputStream" -> {
              if (w.writerCharset != null) {
                throw new IllegalStateException("getWriter() has been called");
              }
              return out;
            }
            case "getWriter" -> {
              return new PrintWriter(w.text, true);
            }
            case "getCharacterEncoding" -> {
              return w.writerCharset;
            }
            default -> throw new UnsupportedOperationException(m.getName());
          }
          return null;
        });
  }

  private static final ExpiryResponse CHALLENGE = new ExpiryResponse(401, "about:blank", "Session expired",
      "Log in \"again\"", new String[] {"WWW-Authenticate", "MyAuthScheme realm=\"shop\""});

  @Test
  void apiClientsThatAcceptJsonGetTheProblemWithTheInstanceAndItsExactLength() throws Exception {
    Written w = new Written();
    CHALLENGE.writeTo(request("GET", "/api/orders;jsessionid=abc/7", null, "application/json"), response(w), Kinds.API);
    assertEquals(401, w.status);
    assertEquals("MyAuthScheme realm=\"shop\"", w.headers.get("WWW-Authenticate"));
    assertEquals("no-store", w.headers.get("Cache-Control"));
    assertEquals("application/problem+json", w.contentType);
    String body = "{\"type\":\"about:blank\",\"title\":\"Session expired\",\"status\":401,\"detail\":\"Log in \\\"again\\\"\","
        + "\"instance\":\"/api/orders/7\"}";
    assertEquals(body, w.body());
    assertEquals(body.length(), w.contentLength);
  }

  @Test
  void anInstanceThatNeedsEscapingIsEscapedAndCounted() throws Exception {
    Written w = new Written();
    CHALLENGE.writeTo(request("GET", "/caf\u00e9/\"q\"", null, null), response(w), Kinds.API);
    assertTrue(w.body().endsWith("\"instance\":\"/caf\\u00e9/\\\"q\\\"\"}"), w.body());
    assertEquals(w.bytes.size(), w.contentLength);
  }

  @Test
  void apiClientsThatDoNotAcceptJsonGetPlainText() throws Exception {
    Written w = new Written();
    CHALLENGE.writeTo(request("GET", "/x", null, "text/plain"), response(w), Kinds.API);
    assertEquals("text/plain;charset=UTF-8", w.contentType);
    assertEquals("401 Session expired\nLog in \"again\"\n", w.body());
    assertEquals(w.bytes.size(), w.contentLength);
  }

  @Test
  void browsersGetThePage() throws Exception {
    Written w = new Written();
    CHALLENGE.writeTo(request("GET", "/x", null, "text/html"), response(w), Kinds.BROWSER);
    assertEquals("text/html;charset=UTF-8", w.contentType);
    assertTrue(w.body().contains("<h1>Session expired</h1>"), w.body());
    assertTrue(w.body().contains("<p>Log in &quot;again&quot;</p>") || w.body().contains("<p>Log in \"again\"</p>"), w.body());
    assertEquals(w.bytes.size(), w.contentLength);
  }

  @Test
  void headGetsTheHeadersAndLengthOnly() throws Exception {
    Written w = new Written();
    CHALLENGE.writeTo(request("HEAD", "/x", null, "application/json"), response(w), Kinds.API);
    assertEquals(401, w.status);
    assertEquals(0, w.bytes.size());
    assertTrue(w.contentLength > 0);
  }

  @Test
  void aRedirectCarriesThePathAndQueryInTheLocationAndNoBody() throws Exception {
    ExpiryResponse redirect = new ExpiryResponse(303, "about:blank", "T", "D",
        new String[] {"Location", "/login?next={path}"}).inContext("/my shop");
    Written w = new Written();
    redirect.writeTo(request("GET", "/my%20shop/orders;JSESSIONID=x", "a=1&b=%2F", null), response(w), Kinds.BROWSER);
    assertEquals(303, w.status);
    assertEquals("/my%20shop/login?next=%2Fmy%2520shop%2Forders%3Fa%3D1%26b%3D%252F", w.headers.get("Location"));
    assertEquals(0, w.contentLength);
    assertEquals(0, w.bytes.size());
  }

  @Test
  void theContextPathIsAddedToPathsOnly() {
    assertEquals("301 [Location, /ctx/login]", new ExpiryResponse(301, "t", "T", "D",
        new String[] {"Location", "/login"}).inContext("/ctx").toString());
    assertEquals("301 [Location, //host/login]", new ExpiryResponse(301, "t", "T", "D",
        new String[] {"Location", "//host/login"}).inContext("/ctx").toString());
    assertEquals("301 [Location, https://login.example/]", new ExpiryResponse(301, "t", "T", "D",
        new String[] {"Location", "https://login.example/"}).inContext("/ctx").toString());
    assertEquals("301 [Location, /login]", new ExpiryResponse(301, "t", "T", "D",
        new String[] {"Location", "/login"}).inContext("").toString());
    assertEquals("/caf%C3%A9/a%20b/%5C/-._~!$&'()*+,;=:@%", ExpiryResponse.encodePath("/caf\u00e9/a b/\\/-._~!$&'()*+,;=:@%"));
  }

  @Test
  void unsafeHeadersAndStatusesAreRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class, () -> new ExpiryResponse(401, "t", "T", "D", new String[] {"X"}));
    assertThrows(IllegalArgumentException.class, () -> new ExpiryResponse(401, "t", "T", "D", new String[] {"X Y", "v"}));
    assertThrows(IllegalArgumentException.class, () -> new ExpiryResponse(401, "t", "T", "D", new String[] {"", "v"}));
    assertThrows(IllegalArgumentException.class, () -> new ExpiryResponse(401, "t", "T", "D", new String[] {"X", "a\r\nb"}));
    assertThrows(IllegalArgumentException.class, () -> new ExpiryResponse(401, "t", "T", "D", new String[] {"X", "\u00e9"}));
    assertThrows(IllegalArgumentException.class, () -> new ExpiryResponse(99, "t", "T", "D", new String[0]));
    assertThrows(IllegalArgumentException.class, () -> new ExpiryResponse(600, "t", "T", "D", new String[0]));
    new ExpiryResponse(100, "t", "T", "D", new String[] {"X-a_b!#$%&'*+-.^`|~9", "\tv ~"});
    new ExpiryResponse(599, "t", "T", "D", new String[0]);
    assertTrue(ExpiryResponse.isFieldValue("\t !~"));
    assertFalse(ExpiryResponse.isFieldValue("\u007F"));
    assertFalse(ExpiryResponse.isFieldValue("\u001F"));
  }

  @Test
  void throughAWriterInANarrowCharsetNothingIsLost() throws Exception {
    ExpiryResponse titled = new ExpiryResponse(401, "about:blank", "Sitzung \u2603 abgelaufen", "\u00dc",
        new String[] {"WWW-Authenticate", "X realm=\"r\""});
    Written page = new Written();
    page.writerCharset = "ISO-8859-1";
    titled.writeTo(request("GET", "/x", null, "text/html"), response(page), Kinds.BROWSER);
    assertTrue(page.body().contains("<meta charset=\"ISO-8859-1\">"), page.body());
    assertTrue(page.body().contains("<h1>Sitzung &#x2603; abgelaufen</h1>"), page.body());
    assertTrue(page.body().contains("<p>\u00dc</p>"), page.body());
    assertEquals(page.body().getBytes(StandardCharsets.ISO_8859_1).length, page.contentLength);

    Written text = new Written();
    text.writerCharset = "ISO-8859-1";
    titled.writeTo(request("GET", "/x", null, "text/plain"), response(text), Kinds.API);
    assertEquals("application/problem+json", text.contentType);
    assertTrue(text.body().contains("\"title\":\"Sitzung \\u2603 abgelaufen\""), text.body());
    assertEquals(text.body().length(), text.contentLength);

    Written latin = new Written();
    latin.writerCharset = "ISO-8859-1";
    new ExpiryResponse(401, "about:blank", "Abgelaufen", "\u00dc", new String[0])
        .writeTo(request("GET", "/x", null, "text/plain"), response(latin), Kinds.API);
    assertEquals("text/plain;charset=UTF-8", latin.contentType);
    assertEquals("401 Abgelaufen\n\u00dc\n", latin.body());
    assertEquals(latin.body().getBytes(StandardCharsets.ISO_8859_1).length, latin.contentLength);
  }

  @Test
  void theSessionIdPathParameterIsTakenOutInAnyCase() {
    assertEquals("/a/b", ExpiryResponse.withoutSessionId("/a;jsessionid=1/b"));
    assertEquals("/a/b;v=1", ExpiryResponse.withoutSessionId("/a;JSESSIONID=1/b;v=1"));
    assertEquals("/a;v=1/b", ExpiryResponse.withoutSessionId("/a;v=1;jsessionid=2/b"));
    assertEquals("/a", ExpiryResponse.withoutSessionId("/a;jsessionid="));
    assertEquals("/a;x=1", ExpiryResponse.withoutSessionId("/a;x=1"));
    assertEquals(null, ExpiryResponse.withoutSessionId(null));
  }
}
