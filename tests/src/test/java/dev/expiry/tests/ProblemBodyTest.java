package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletDidNotRun;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.NoticeServlet;
import dev.expiry.tests.fixture.ExpiryAssertions;
import dev.expiry.tests.fixture.ClientKind;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.Problem;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The body of an expiry answer, as the client reads it: RFC 9457 problem details for API clients
 * that accept JSON, plain text for those that do not, an HTML page for browsers, nothing for HEAD.
 */
class ProblemBodyTest extends ContainerTest {

  /** The defaults for a session, as the processor's model/Expired.java words them. */
  private static final String SESSION_TITLE = "Session expired";
  private static final String SESSION_DETAIL = "Your session has expired. Log in again to continue.";

  private static final SessionCookie EXPIRED = SessionCookie.madeUp("expired-session");

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void problemJsonCarriesTheDefaultsWhenThePolicyDeclaresNone() {
    HttpResponse<String> response = app.send("GET", "/api/orders/42?page=2", EXPIRED, ClientKind.JSON_CLIENT);

    Problem problem = Problem.of(response);

    assertAll(response.body(),
        () -> assertEquals(Problem.MEMBERS, problem.members(), "members"),
        () -> assertEquals("https://expiry.dev/problems/session-expired", problem.type(), "type"),
        () -> assertEquals(SESSION_TITLE, problem.title(), "title"),
        () -> assertEquals(401, problem.status(), "status"),
        () -> assertEquals(SESSION_DETAIL, problem.detail(), "detail"),
        () -> assertEquals(Shop.CONTEXT_PATH + "/api/orders/42", problem.instance(), "instance: the path"));
  }

  @Test
  void problemJsonCarriesTheDeclaredTypeTitleAndDetailJsonEscaped() {
    HttpResponse<String> response = app.send("GET", "/notice", EXPIRED, ClientKind.FETCH);

    Problem problem = Problem.of(response);

    assertAll(response.body(),
        () -> assertEquals(401, response.statusCode(), "status"),
        () -> assertEquals(NoticeServlet.TYPE, problem.type(), "type"),
        () -> assertEquals(NoticeServlet.TITLE, problem.title(), "title"),
        () -> assertEquals(401, problem.status(), "status"),
        () -> assertEquals(NoticeServlet.DETAIL, problem.detail(), "detail"),
        () -> assertEquals(Shop.CONTEXT_PATH + "/notice", problem.instance(), "instance"));
  }

  @Test
  void instanceIsTheRequestPathAsSentEvenWithEncodedQuotes() {
    // %22 is a quote, %7D a brace, %C3%A9 an é: the instance is the path as the client sent it,
    // a URI reference (RFC 9457 §3.1.5), and survives JSON unchanged. (An encoded backslash, %5C,
    // never gets this far: both containers reject it with 400.)
    for (String path : List.of("/api/orders/a%22b", "/api/orders/%C3%A9t%C3%A9%22%7D%2C", "/api/orders/x;y=%22")) {
      HttpResponse<String> response = app.send("GET", path, EXPIRED, ClientKind.JSON_CLIENT);

      assertEquals(401, response.statusCode(), () -> describe(response));
      assertEquals(Shop.CONTEXT_PATH + path, Problem.of(response).instance(), response::body);
    }
  }

  @Test
  void problemTypeIsProblemJsonForTheAcceptsThatAllowIt() {
    for (String accept : List.of("application/problem+json", "application/json", "*/*",
        "application/*;q=0.1, text/plain")) {
      HttpResponse<String> response = app.send(app.request("GET", "/api/orders")
          .header("Cookie", EXPIRED.header()).header("Accept", accept));

      assertEquals(SESSION_TITLE, Problem.of(response).title(), () -> accept + ": " + describe(response));
    }
  }

  @Test
  void clientThatDoesNotAcceptJsonGetsPlainText() {
    HttpResponse<String> response = app.send(app.request("GET", "/api/orders")
        .header("Cookie", EXPIRED.header()).header("Accept", "text/plain"));

    assertExpiryHeaders(response, 401, "text/plain");
    assertAll(response.body(),
        () -> assertTrue(response.body().contains(SESSION_TITLE), "title"),
        () -> assertTrue(response.body().contains(SESSION_DETAIL), "detail"),
        () -> assertTrue(response.body().contains("401"), "status"),
        () -> assertFalse(response.body().contains("{"), "no JSON"));
  }

  @Test
  void clientThatRefusesJsonExplicitlyGetsPlainText() {
    HttpResponse<String> response = app.send(app.request("GET", "/api/orders")
        .header("Cookie", EXPIRED.header())
        .header("Sec-Fetch-Mode", "cors")
        .header("Accept", "application/problem+json;q=0, application/json;q=0, */*"));

    // */* would allow JSON, but the more specific ranges say no (RFC 9110 §12.5.1).
    assertExpiryHeaders(response, 401, "text/plain");
  }

  @Test
  void browserGetsAnHtmlPageWithTitleAndDetailEscaped() {
    HttpResponse<String> response = app.send("GET", "/notice", EXPIRED, ClientKind.BROWSER_NAVIGATION);

    assertExpiryHeaders(response, 401, "text/html");
    String body = response.body();
    assertAll(body,
        () -> assertEquals(List.of("MyAuthScheme realm=\"notice\""), response.headers().allValues("WWW-Authenticate")),
        () -> assertTrue(body.contains("&lt;script&gt;alert(&quot;expired&quot;)&lt;/script&gt; &amp; \\ gone"),
            "escaped title"),
        () -> assertTrue(body.contains("Tom &amp; Jerry&#39;s &lt;b&gt;session&lt;/b&gt; &quot;ended&quot;"),
            "escaped detail"),
        () -> assertFalse(body.contains("<script>"), "no live script"),
        () -> assertFalse(body.contains("<b>"), "no live markup"),
        () -> assertFalse(body.matches("(?s).*&(?!(lt|gt|amp|quot|#39);).*"), "every & escaped"));
  }

  @Test
  void browserGetsTheDefaultsInHtmlToo() {
    HttpResponse<String> response = app.send("GET", "/api/orders", EXPIRED, ClientKind.BROWSER_WITHOUT_FETCH_METADATA);

    assertExpiryHeaders(response, 401, "text/html");
    assertTrue(response.body().contains(SESSION_TITLE) && response.body().contains(SESSION_DETAIL), response.body());
  }

  @Test
  void headGetsTheHeadersOfGetAndNoBody() {
    for (ClientKind client : List.of(ClientKind.JSON_CLIENT, ClientKind.FETCH, ClientKind.BROWSER_NAVIGATION)) {
      HttpResponse<String> get = app.send("GET", "/notice", EXPIRED, client);
      HttpResponse<String> head = app.send("HEAD", "/notice", EXPIRED, client);

      assertAll(client + ": " + describe(head),
          () -> assertEquals(get.statusCode(), head.statusCode(), "status"),
          () -> assertEquals(get.headers().allValues("WWW-Authenticate"), head.headers().allValues("WWW-Authenticate")),
          () -> assertEquals(get.headers().allValues("Content-Type"), head.headers().allValues("Content-Type")),
          () -> assertEquals(get.headers().allValues("Content-Length"), head.headers().allValues("Content-Length")),
          () -> assertEquals(get.headers().allValues("Vary"), head.headers().allValues("Vary")),
          () -> assertEquals(get.headers().allValues("Cache-Control"), head.headers().allValues("Cache-Control")),
          () -> assertEquals(get.headers().allValues("Set-Cookie"), head.headers().allValues("Set-Cookie")),
          () -> assertEquals("", head.body(), "body"),
          () -> assertServletDidNotRun(head));
    }
  }

  @Test
  void headGetsTheChallengeAndTheRedirectOfGet() {
    assertExpiryAnswer(app.send("HEAD", "/account/orders", EXPIRED, ClientKind.FETCH),
        401, "WWW-Authenticate", "MyAuthScheme realm=\"shop\", error=\"session_expired\"");
    assertExpiryAnswer(app.send("HEAD", "/account/orders?id=7", EXPIRED, ClientKind.BROWSER_NAVIGATION),
        303, "Location", Shop.CONTEXT_PATH + "/login?next=%2Fshop%2Faccount%2Forders%3Fid%3D7");
  }

  /** Status, media type (charset UTF-8 for text), length, caching and Vary of a non-redirect answer. */
  private static void assertExpiryHeaders(HttpResponse<String> response, int status, String mediaType) {
    assertAll(describe(response),
        () -> assertEquals(status, response.statusCode(), "status"),
        () -> assertEquals(Optional.of(mediaType + ";charset=utf-8"), response.headers().firstValue("Content-Type")
            .map(type -> type.replace(" ", "").toLowerCase(Locale.ROOT)), "Content-Type"),
        () -> assertEquals(Optional.of(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length)),
            response.headers().firstValue("Content-Length"), "Content-Length"),
        () -> assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"), "Cache-Control"),
        () -> ExpiryAssertions.assertVaryOnTheDecision(response),
        () -> assertServletDidNotRun(response));
  }
}
