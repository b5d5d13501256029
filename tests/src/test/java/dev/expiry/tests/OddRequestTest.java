package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertNoSessionCreated;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletDidNotRun;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests a well-behaved client would not send. The filter must neither fail on them nor create
 * a session for them, and must answer exactly as for any other expired session.
 */
class OddRequestTest extends ContainerTest {

  private static final String CHALLENGE = "MyAuthScheme realm=\"http://example.com\"";

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void severalUnknownSessionCookiesCountAsExpired() {
    HttpResponse<String> response = app.send(app.request("GET", "/api/orders")
        .header("Cookie", "JSESSIONID=nonsense; JSESSIONID=other; theme=dark"));

    assertExpiryAnswer(response, 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void liveSessionCookieBesideUnknownOnesReachesTheServlet() {
    SessionCookie live = app.login();

    assertServletRan(app.send(app.request("GET", "/api/orders")
        .header("Cookie", "JSESSIONID=nonsense; " + live.header())), OrdersServlet.class);
    assertServletRan(app.send(app.request("GET", "/api/orders")
        .header("Cookie", live.header() + "; JSESSIONID=nonsense")), OrdersServlet.class);
  }

  @Test
  void sessionIdPathParameterCountsAsExpired() {
    assertExpiryAnswer(app.send("GET", "/api/orders;jsessionid=xyz"),
        401, "WWW-Authenticate", CHALLENGE);
    assertExpiryAnswer(app.send("GET", "/api/orders/42;jsessionid=xyz?page=2"),
        401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void percentEncodedPathIsMatchedAfterDecoding() {
    SessionCookie expired = SessionCookie.madeUp("nonsense");

    assertExpiryAnswer(app.get("/api/%6Frders/a%20b", expired), 401, "WWW-Authenticate", CHALLENGE);
    assertExpiryAnswer(app.get("/api/orders/%C3%A9t%C3%A9", expired),
        401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void unknownMethodGetsTheClassPolicy() {
    SessionCookie expired = SessionCookie.madeUp("nonsense");

    assertExpiryAnswer(app.send("PROPFIND", "/api/orders", expired),
        401, "WWW-Authenticate", CHALLENGE);
    assertExpiryAnswer(app.send("PATCH", "/api/orders", expired),
        401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void unknownMethodWithoutPolicyReachesTheServlet() {
    // ReportsServlet declares a policy for GET only; HttpServlet answers PROPFIND with 501.
    HttpResponse<String> response =
        app.send("PROPFIND", "/reports", SessionCookie.madeUp("nonsense"));

    assertUntouched(response, 501);
  }

  @Test
  void unmappedPathStaysNotFound() {
    assertUntouched(app.get("/no/such/endpoint", SessionCookie.madeUp("nonsense")), 404);
  }

  @Test
  void malformedSessionCookiesCountAsExpired() {
    for (String cookie : List.of(
        "JSESSIONID=", "JSESSIONID=\"quoted\"", "JSESSIONID=" + "x".repeat(2000))) {
      HttpResponse<String> response =
          app.send(app.request("GET", "/api/orders").header("Cookie", cookie));

      assertExpiryAnswer(response, 401, "WWW-Authenticate", CHALLENGE);
    }
  }

  @Test
  void encodedSlashIsLeftToTheContainer() {
    // Both containers reject an encoded '/' in the path before any filter runs.
    assertUntouched(app.get("/api%2Forders", SessionCookie.madeUp("nonsense")), 400);
  }

  /** The container's own answer, with nothing of Expiry's added and no session created. */
  private static void assertUntouched(HttpResponse<String> response, int status) {
    assertAll(describe(response),
        () -> assertEquals(status, response.statusCode(), "status"),
        () -> assertEquals(List.of(), response.headers().allValues("WWW-Authenticate")),
        () -> assertServletDidNotRun(response),
        () -> assertNoSessionCreated(response));
  }
}
