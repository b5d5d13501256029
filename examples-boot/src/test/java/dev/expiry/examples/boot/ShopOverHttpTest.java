package dev.expiry.examples.boot;

import static dev.expiry.examples.boot.ShopClient.describe;
import static dev.expiry.examples.boot.ShopClient.setCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shop over real HTTP, as browsers, scripts and API clients use it: each expiry Spring
 * Security detects or the container reports gets the endpoint's declared answer, with Spring
 * Security's headers, and endpoints without a policy keep Spring Security's own answers. Run on
 * each embedded container by a subclass.
 */
abstract class ShopOverHttpTest {

  @LocalServerPort
  int port;

  @Autowired
  ShopTokens tokens;

  ShopClient client;

  @BeforeEach
  void client() {
    client = new ShopClient(port);
  }

  @Test
  void anExpiredSessionOnAPageSendsTheBrowserToSpringSecuritysLoginPage() {
    client.login("alice");
    assertEquals(200, client.navigate("/orders").statusCode());
    client.invalidateSession();

    HttpResponse<String> expired = client.navigate("/orders");
    assertEquals(303, expired.statusCode(), () -> describe(expired));
    assertEquals(Optional.of("/login"), expired.headers().firstValue("Location"));
    assertDeletesTheSessionCookie(expired);
    assertCarriesSpringSecuritysHeaders(expired);
    assertNull(client.sessionCookie(), "the browser dropped the stale cookie");

    HttpResponse<String> login = client.navigate("/login");
    assertEquals(200, login.statusCode(), () -> describe(login));
    assertTrue(login.body().contains("name=\"username\""), "Spring Security's login page");
  }

  @Test
  void afterLoggingInAgainTheBrowserIsBackOnThePageThatExpired() {
    client.login("alice");
    client.invalidateSession();

    HttpResponse<String> expired = client.navigate("/orders?page=2");
    assertEquals(303, expired.statusCode(), () -> describe(expired));
    assertEquals(Optional.of("/login"), expired.headers().firstValue("Location"));
    assertTrue(setCookies(expired).stream().anyMatch(c -> c.startsWith("REDIRECT_URI=")),
        () -> "the request saved in Spring Security's cookie request cache: " + describe(expired));
    assertTrue(setCookies(expired).stream().noneMatch(c -> c.startsWith("JSESSIONID=") && !c.startsWith("JSESSIONID=;")),
        () -> "no session created: " + describe(expired));

    HttpResponse<String> back = client.logIn("alice"); // Spring Security's own login page and form
    assertEquals(Optional.of(client.uri("/orders?page=2").toString()), back.headers().firstValue("Location"),
        () -> describe(back));
    HttpResponse<String> page = client.navigate("/orders?page=2");
    assertEquals(200, page.statusCode(), () -> describe(page));
    assertTrue(page.body().contains("Orders of alice"), () -> describe(page));
    assertTrue(setCookies(page).stream().anyMatch(c -> c.startsWith("REDIRECT_URI=;")),
        () -> "the saved request used up: " + describe(page));

    HttpResponse<String> again = client.logIn("alice");
    // Spring Security's default target, relative or absolute as the container writes it.
    assertEquals("/", URI.create(again.headers().firstValue("Location").orElse("")).getPath(),
        () -> "a later login goes to Spring Security's default target: " + describe(again));
  }

  @Test
  void anExpiredSessionOnTheApiGetsA401WithAChallengeAndAProblem() {
    client.login("alice");
    assertEquals(200, client.fetch("/api/orders").statusCode());
    client.invalidateSession();

    HttpResponse<String> expired = client.fetch("/api/orders");
    assertEquals(401, expired.statusCode(), () -> describe(expired));
    assertEquals(Optional.of("Session realm=\"shop\""), expired.headers().firstValue("WWW-Authenticate"));
    Map<String, Object> problem = problem(expired);
    assertEquals(401, ((Number) problem.get("status")).intValue());
    assertEquals("Session expired", problem.get("title"));
    assertEquals("/api/orders", problem.get("instance"));
    assertDeletesTheSessionCookie(expired);
    assertCarriesSpringSecuritysHeaders(expired);
  }

  @Test
  void aSessionThatTimesOutGetsThePolicy() throws InterruptedException {
    client.login("alice");
    assertEquals(200, client.fetch("/test/session/timeout").statusCode());
    Thread.sleep(1_600);
    HttpResponse<String> expired = client.fetch("/api/orders");
    assertEquals(401, expired.statusCode(), () -> describe(expired));
    assertEquals(Optional.of("Session realm=\"shop\""), expired.headers().firstValue("WWW-Authenticate"));
  }

  @Test
  void aStaleCsrfTokenGetsTheFormsCsrfPolicy() {
    client.login("alice");
    String token = ShopClient.csrf(client.navigate("/address"));

    HttpResponse<String> browser = client.submit("/address", Map.of("street", "Main St", "_csrf", "stale" + token));
    assertEquals(403, browser.statusCode(), () -> describe(browser));
    assertTrue(browser.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), () -> describe(browser));
    assertTrue(browser.body().contains("Form expired"), () -> describe(browser));
    assertCarriesSpringSecuritysHeaders(browser);
    assertTrue(setCookies(browser).stream().noneMatch(c -> c.startsWith("JSESSIONID=;")),
        "the session is valid: its cookie stays");

    HttpResponse<String> script = client.post("/address", Map.of("street", "Main St"));
    assertEquals(403, script.statusCode(), () -> describe(script));
    assertEquals("Form expired", problem(script).get("title"));

    HttpResponse<String> valid = client.submit("/address", Map.of("street", "Main St", "_csrf", token));
    assertEquals(200, valid.statusCode(), () -> describe(valid));
    assertEquals("Saved: Main St", valid.body());
  }

  @Test
  void aFormPostedAfterTheSessionExpiredGetsTheSessionPolicyNotA403() {
    client.login("alice");
    String token = ShopClient.csrf(client.navigate("/address"));
    client.invalidateSession();

    HttpResponse<String> browser = client.submit("/address", Map.of("street", "Main St", "_csrf", token));
    assertEquals(303, browser.statusCode(), () -> describe(browser));
    assertEquals(Optional.of("/login"), browser.headers().firstValue("Location"));
    assertDeletesTheSessionCookie(browser);
    assertTrue(setCookies(browser).stream().noneMatch(c -> c.startsWith("REDIRECT_URI=")),
        () -> "a POST is not saved for after the login, as Spring Security saves only GETs: " + describe(browser));
  }

  @Test
  void aFormWithOnlyACsrfPolicyPostedAfterTheSessionExpiredGetsThatPolicy() {
    client.login("alice");
    String token = ShopClient.csrf(client.navigate("/notes"));
    client.invalidateSession();

    HttpResponse<String> browser = client.submit("/notes", Map.of("text", "hello", "_csrf", token));
    assertEquals(403, browser.statusCode(), () -> describe(browser));
    assertTrue(browser.body().contains("Note not saved"), () -> describe(browser));
    assertCarriesSpringSecuritysHeaders(browser);
  }

  @Test
  void anExpiredJwtGetsTheAccessTokenPolicy() throws JOSEException {
    HttpResponse<String> expired = client.fetchWithToken("/api/stock",
        jwt("alice", Instant.now().minus(Duration.ofMinutes(10)), tokens.getSecret()));
    assertEquals(401, expired.statusCode(), () -> describe(expired));
    assertEquals(Optional.of("Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The access token expired\""),
        expired.headers().firstValue("WWW-Authenticate"));
    assertEquals(401, ((Number) problem(expired).get("status")).intValue());
    assertCarriesSpringSecuritysHeaders(expired);

    HttpResponse<String> valid = client.fetchWithToken("/api/stock",
        jwt("alice", Instant.now().plus(Duration.ofMinutes(10)), tokens.getSecret()));
    assertEquals(200, valid.statusCode(), () -> describe(valid));
    assertTrue(valid.body().contains("\"for\":\"alice\""), valid::body);
  }

  @Test
  void anyOtherBadTokenKeepsSpringSecuritysOwnAnswer() throws JOSEException {
    HttpResponse<String> forged = client.fetchWithToken("/api/stock",
        jwt("alice", Instant.now().plus(Duration.ofMinutes(10)), "another-key-that-the-shop-does-not-trust-0123"));
    assertEquals(401, forged.statusCode(), () -> describe(forged));
    String challenge = forged.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.startsWith("Bearer error=\"invalid_token\""), challenge);
    assertFalse(challenge.contains("realm=\"shop\""), challenge);
    assertFalse(forged.headers().firstValue("Content-Type").orElse("").contains("problem+json"), () -> describe(forged));
  }

  @Test
  void theShopsOwnTokenWorksUntilItExpires() {
    client.login("alice");
    HttpResponse<String> issued = client.fetch("/account/token");
    assertEquals(200, issued.statusCode(), () -> describe(issued));
    String token = (String) JsonParserFactory.getJsonParser().parseMap(issued.body()).get("access_token");
    assertEquals(200, new ShopClient(port).fetchWithToken("/api/stock", token).statusCode());
  }

  @Test
  void aSessionThatConcurrencyControlExpiredGetsThePolicyAndElsewhereSpringSecuritysAnswer() {
    ShopClient first = client;
    ShopClient second = new ShopClient(port);
    ShopClient third = new ShopClient(port);
    first.login("bob");
    second.login("bob"); // maximumSessions(1): the first session is expired

    HttpResponse<String> noPolicy = first.navigate("/reports");
    assertEquals(200, noPolicy.statusCode(), () -> describe(noPolicy));
    assertTrue(noPolicy.body().contains("This session has been expired"), () -> describe(noPolicy));

    third.login("bob"); // and now the second
    HttpResponse<String> policy = second.navigate("/orders");
    assertEquals(303, policy.statusCode(), () -> describe(policy));
    assertEquals(Optional.of("/login"), policy.headers().firstValue("Location"));
    assertDeletesTheSessionCookie(policy);
    assertCarriesSpringSecuritysHeaders(policy);
    assertTrue(setCookies(policy).stream().anyMatch(c -> c.startsWith("REDIRECT_URI=")),
        () -> "the page saved for after the login: " + describe(policy));

    assertEquals(200, third.navigate("/orders").statusCode(), "the newest session is valid");
  }

  @Test
  void anEndpointWithoutAPolicyKeepsSpringSecuritysOwnAnswer() {
    client.login("alice");
    client.invalidateSession();
    HttpResponse<String> expired = client.navigate("/reports");
    assertEquals(302, expired.statusCode(), () -> describe(expired));
    assertTrue(expired.headers().firstValue("Location").orElse("").endsWith("/login"), () -> describe(expired));
    assertEquals(Optional.empty(), expired.headers().firstValue("Vary").filter(v -> v.contains("Sec-Fetch-Mode")));
  }

  @Test
  void oddRequestsWithAStaleCookieAreLeftToSpringSecurityOrAnsweredAsSpringMvcWouldDispatchThem() {
    // A fresh client each: Spring Security's answers below start a new session.
    ShopClient head = withStaleCookie();
    HttpResponse<String> headers = head.send(HttpRequest.newBuilder(head.uri("/api/orders"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json"));
    assertEquals(401, headers.statusCode(), () -> describe(headers)); // HEAD as GET, headers only
    assertEquals(Optional.of("Session realm=\"shop\""), headers.headers().firstValue("WWW-Authenticate"));
    assertEquals("", headers.body());

    ShopClient delete = withStaleCookie();
    HttpResponse<String> noHandler = delete.send(HttpRequest.newBuilder(delete.uri("/api/orders"))
        .method("DELETE", HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json"));
    assertEquals(403, noHandler.statusCode(), () -> describe(noHandler)); // no DELETE handler: Spring Security's CSRF 403

    ShopClient unknown = withStaleCookie();
    HttpResponse<String> unknownPath = unknown.navigate("/nowhere?a=%25");
    assertEquals(302, unknownPath.statusCode(), () -> describe(unknownPath)); // no handler: Spring Security's login
  }

  private ShopClient withStaleCookie() {
    ShopClient stale = new ShopClient(port);
    stale.keepSessionCookie("stale");
    return stale;
  }

  @Test
  void requestsWithoutASessionOrWithAValidOneAreUntouched() {
    HttpResponse<String> anonymous = client.navigate("/orders");
    assertEquals(302, anonymous.statusCode(), () -> describe(anonymous));
    client.login("alice");
    HttpResponse<String> valid = client.fetch("/api/orders");
    assertEquals(200, valid.statusCode(), () -> describe(valid));
    assertTrue(valid.body().contains("Teapot"));
    assertTrue(setCookies(valid).isEmpty(), () -> describe(valid));
  }

  @Test
  void theTourFindsEveryAnswerAsDeclared() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    boolean passed = new ShopTour(URI.create("http://127.0.0.1:" + port + "/"),
        new PrintStream(printed, true, StandardCharsets.UTF_8), tokens).run();
    assertTrue(passed, () -> printed.toString(StandardCharsets.UTF_8));
  }

  static String jwt(String subject, Instant expires, String secret) throws JOSEException {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(subject)
        .issueTime(Date.from(expires.minus(Duration.ofMinutes(5))))
        .expirationTime(Date.from(expires))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    return jwt.serialize();
  }

  static Map<String, Object> problem(HttpResponse<String> response) {
    assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"),
        () -> describe(response));
    return JsonParserFactory.getJsonParser().parseMap(response.body());
  }

  static void assertDeletesTheSessionCookie(HttpResponse<String> response) {
    assertTrue(setCookies(response).stream().anyMatch(c -> c.startsWith("JSESSIONID=;") && c.contains("Max-Age=0")),
        () -> "stale session cookie deleted: " + describe(response));
  }

  static void assertCarriesSpringSecuritysHeaders(HttpResponse<String> response) {
    assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"), () -> describe(response));
    assertEquals(Optional.of("DENY"), response.headers().firstValue("X-Frame-Options"), () -> describe(response));
    assertEquals(Optional.of("0"), response.headers().firstValue("X-XSS-Protection"), () -> describe(response));
  }
}
