package dev.expiry.tests.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way a request reaches an endpoint, over real HTTP on Jetty 12 (ee11) and Tomcat 11: an
 * async request and its async dispatch, an error page that is an endpoint with a policy, forward
 * and include, a response an earlier filter committed or wrote into, HTTPS with the Secure cookie
 * deletion, HTTP/2 cleartext, and a title a narrow charset cannot carry, written through the
 * writer the application took. Expiry answers on the request's own dispatch, for the servlet the
 * container mapped it to; what that servlet dispatches to runs as the application wrote it.
 */
class DispatchTest {

  enum Engine { JETTY, TOMCAT }

  private static final String EXPIRED = "JSESSIONID=gone-long-ago";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path dir;
  private static Path keyStore;
  private static HttpClient http1;
  private static HttpClient http2;
  private static final Map<Engine, DispatchServers> SERVERS = new EnumMap<>(Engine.class);

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("expiry-tls");
    keyStore = DispatchServers.keyStore(dir);
    http1 = DispatchServers.client(HttpClient.Version.HTTP_1_1, keyStore);
    http2 = DispatchServers.client(HttpClient.Version.HTTP_2, keyStore);
    SERVERS.put(Engine.JETTY, new DispatchServers.OnJetty(keyStore));
    SERVERS.put(Engine.TOMCAT, new DispatchServers.OnTomcat(keyStore));
  }

  @AfterAll
  static void stop() throws Exception {
    SERVERS.values().forEach(DispatchServers::close);
    Files.deleteIfExists(keyStore);
    Files.deleteIfExists(dir);
  }

  private static HttpResponse<String> get(HttpClient client, URI uri, String cookie, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expired(Engine engine, String path, String... headers) throws Exception {
    return get(http1, SERVERS.get(engine).http(path), EXPIRED, headers);
  }

  private static String login(Engine engine) throws Exception {
    HttpResponse<String> response = get(http1, SERVERS.get(engine).http("/login"), null);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private static void assertAnswer(HttpResponse<String> response, String challenge) {
    assertEquals(401, response.statusCode(), response::body);
    assertEquals(Optional.of(challenge), response.headers().firstValue("WWW-Authenticate"));
    assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
  }

  private static void assertRan(HttpResponse<String> response, int status, String body) {
    assertEquals(status, response.statusCode(), response::body);
    assertEquals(body, response.body());
    assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent(), response.headers()::toString);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anAsyncServletIsAnsweredBeforeItStartsAndRunsItsAsyncDispatchWithAValidSession(Engine engine) throws Exception {
    assertAnswer(expired(engine, "/async/policy"), "Async realm=\"async\"");
    assertRan(get(http1, SERVERS.get(engine).http("/async/policy"), login(engine)), 200, "target ran ASYNC");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theAsyncDispatchOfAServletWithoutPolicyRunsItsTarget(Engine engine) throws Exception {
    assertRan(expired(engine, "/async/none"), 200, "target ran ASYNC");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anErrorPageWithAPolicyRunsAsTheErrorPageAndAnswersWhenRequestedItself(Engine engine) throws Exception {
    assertRan(expired(engine, "/missing"), 404, "error page ERROR 404");
    assertAnswer(expired(engine, "/error-page"), "ErrorPage realm=\"error\"");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aForwardOrIncludeToAnEndpointWithAPolicyRunsIt(Engine engine) throws Exception {
    assertRan(expired(engine, "/forward"), 200, "target ran FORWARD");
    assertRan(expired(engine, "/include"), 200, "included: target ran INCLUDE");
    assertAnswer(expired(engine, "/target"), "Target realm=\"target\"");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aResponseAnEarlierFilterCommittedIsLeftAsItIs(Engine engine) throws Exception {
    HttpResponse<String> response = expired(engine, "/committed/x");
    assertRan(response, 200, "early target ran REQUEST");
    assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), response.headers()::toString);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void whatAnEarlierFilterWroteIntoTheBufferIsReplacedByTheAnswer(Engine engine) throws Exception {
    HttpResponse<String> response = expired(engine, "/buffered/x", "Accept", "application/json");
    assertAnswer(response, "Target realm=\"target\"");
    assertEquals("/buffered/x", JSON.readTree(response.body()).get("instance").asText(), response.body());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void overHttpsTheStaleCookieIsDeletedSecure(Engine engine) throws Exception {
    HttpResponse<String> secure = get(http1, SERVERS.get(engine).https("/target"), EXPIRED);
    assertAnswer(secure, "Target realm=\"target\"");
    String deletion = secure.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError(secure.headers().toString()));
    assertTrue(deletion.contains("Max-Age=0") && deletion.contains("; Secure"), deletion);
    HttpResponse<String> plain = expired(engine, "/target");
    String plainDeletion = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertFalse(plainDeletion.contains("Secure"), plainDeletion);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void overHttp2CleartextTheAnswerIsTheSame(Engine engine) throws Exception {
    HttpResponse<String> response = get(http2, SERVERS.get(engine).http("/target"), EXPIRED, "Accept", "application/json");
    assertEquals(HttpClient.Version.HTTP_2, response.version());
    assertAnswer(response, "Target realm=\"target\"");
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("/target", JSON.readTree(response.body()).get("instance").asText());
    // The connection is HTTP/2 from here on: a second request on it, a valid session's, passes.
    assertRan(get(http2, SERVERS.get(engine).http("/target"), login(engine)), 200, "target ran REQUEST");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTitleANarrowWriterCannotCarryArrivesWhole(Engine engine) throws Exception {
    // The application took the writer in ISO-8859-1 before Expiry answered.
    HttpResponse<String> page = expired(engine, "/narrow/x", "Sec-Fetch-Mode", "navigate");
    assertAnswer(page, "MyAuthScheme realm=\"narrow\"");
    String type = page.headers().firstValue("Content-Type").orElseThrow();
    assertTrue(type.startsWith("text/html") && type.toUpperCase().contains("ISO-8859-1"), type);
    String html = decode(page, type);
    assertTrue(html.contains("<meta charset=\"ISO-8859-1\">"), html);
    assertTrue(unescapeReferences(html).contains("<h1>" + DispatchServlets.TITLE + "</h1>"), html);
    assertTrue(unescapeReferences(html).contains("<p>" + DispatchServlets.DETAIL + "</p>"), html);

    for (String accept : List.of("application/json", "text/plain")) {
      // problem+json is plain ASCII; plain text that the charset cannot carry becomes problem+json.
      HttpResponse<String> api = expired(engine, "/narrow/x", "Accept", accept);
      assertAnswer(api, "MyAuthScheme realm=\"narrow\"");
      assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(api.body());
      assertEquals(DispatchServlets.TITLE, problem.get("title").asText());
      assertEquals(DispatchServlets.DETAIL, problem.get("detail").asText());
    }
    // Without the application's writer, the same policy's page is UTF-8 and needs no references.
    HttpResponse<String> utf8 = expired(engine, "/titled", "Sec-Fetch-Mode", "navigate");
    assertTrue(utf8.body().contains("<h1>" + DispatchServlets.TITLE + "</h1>"), utf8.body());
  }

  /** The body as the Content-Type's charset reads it (the client decoded it as UTF-8). */
  private static String decode(HttpResponse<String> response, String type) {
    byte[] raw = response.body().getBytes(StandardCharsets.UTF_8);
    return type.toUpperCase().contains("ISO-8859-1") ? new String(raw, StandardCharsets.UTF_8) : response.body();
  }

  /** Numeric character references ({@code &#x2603;}) as the characters they stand for. */
  private static String unescapeReferences(String html) {
    Matcher m = Pattern.compile("&#x([0-9A-Fa-f]+);").matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(Integer.parseInt(m.group(1), 16)))));
    }
    return m.appendTail(out).toString();
  }
}
