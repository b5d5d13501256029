package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static dev.expiry.tests.fixture.ExpiryAssertions.isSessionCookieDeletion;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.AccountOrdersServlet;
import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.fixture.Browser;
import dev.expiry.tests.fixture.ClientKind;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The stale session cookie, seen from a client with a real cookie jar: the expiry answer deletes
 * it, so the client stops presenting it and is anonymous from then on, and a logout followed by
 * a new login never brings back an "expired" answer.
 */
class StaleCookieTest extends ContainerTest {

  private static final String CHALLENGE = "MyAuthScheme realm=\"http://example.com\"";

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void afterTheExpiryAnswerTheClientIsAnonymous() {
    Browser client = app.browser();
    client.login();
    client.logout();
    assertEquals(1, client.sessionIds().size(), "the jar keeps the logged-out session's cookie");

    assertExpiryAnswer(client.send(app.request("GET", "/api/orders")), 401, "WWW-Authenticate", CHALLENGE);

    assertEquals(List.of(), client.sessionIds(), "the jar dropped the deleted cookie");
    assertServletRan(client.send(app.request("GET", "/api/orders")), OrdersServlet.class);
    assertServletRan(client.send(app.request("GET", "/api/orders")), OrdersServlet.class);
  }

  @Test
  void deletionMatchesTheSessionCookieTheContainerSet() {
    HttpResponse<String> login = app.send("POST", "/login");
    HttpCookie session = sessionCookieOf(login);
    SessionCookie stale = new SessionCookie(session.getValue());
    app.logout(stale);

    HttpResponse<String> expired = app.send("GET", "/account/orders", stale, ClientKind.BROWSER_NAVIGATION);

    List<String> setCookies = expired.headers().allValues("Set-Cookie");
    assertEquals(1, setCookies.size(), () -> describe(expired));
    HttpCookie deletion = HttpCookie.parse(setCookies.get(0)).get(0);
    assertAll(setCookies.get(0) + " deleting " + login.headers().allValues("Set-Cookie"),
        () -> assertTrue(isSessionCookieDeletion(setCookies.get(0)), "Max-Age=0 or Expires in the past"),
        () -> assertEquals(session.getName(), deletion.getName(), "name"),
        () -> assertEquals("", deletion.getValue(), "value"),
        () -> assertEquals(session.getPath(), deletion.getPath(), "Path"),
        () -> assertEquals(session.getDomain(), deletion.getDomain(), "Domain"));
  }

  /**
   * Tomcat marks its session cookie HttpOnly (Context useHttpOnly) without saying so in its
   * SessionCookieConfig, so the deletion is always HttpOnly. It is Secure when the configuration
   * or the request is; over plain HTTP with the default configuration, as here, neither cookie is.
   */
  @Test
  void deletionIsHttpOnlyAndAsSecureAsTheSessionCookie() {
    HttpResponse<String> login = app.send("POST", "/login");
    HttpCookie session = sessionCookieOf(login);
    SessionCookie stale = new SessionCookie(session.getValue());
    app.logout(stale);

    HttpResponse<String> expired = app.get("/api/orders", stale);

    HttpCookie deletion = HttpCookie.parse(expired.headers().firstValue("Set-Cookie").orElseThrow()).get(0);
    assertAll(describe(expired) + " deleting " + login.headers().allValues("Set-Cookie"),
        () -> assertTrue(deletion.isHttpOnly(), "HttpOnly"),
        () -> assertEquals(session.getSecure(), deletion.getSecure(), "Secure"));
  }

  @Test
  void logoutThenLoginAgainGivesAWorkingSessionNotAnExpiredAnswer() {
    // The established frameworks' bug: the logged-out session's cookie stays in the browser and
    // keeps being reported as "expired", even around a new login.
    Browser browser = app.browser();
    browser.login();
    SessionCookie first = browser.session().orElseThrow();
    assertServletRan(browser.navigate("/account/orders"), AccountOrdersServlet.class);

    browser.logout();
    browser.login();
    SessionCookie second = browser.session().orElseThrow();

    assertNotEquals(first, second, "a new session");
    assertServletRan(browser.navigate("/account/orders"), AccountOrdersServlet.class);
    assertServletRan(browser.navigate("/account/orders"), AccountOrdersServlet.class);
    assertServletRan(browser.send(app.request("GET", "/api/orders")), OrdersServlet.class);
  }

  @Test
  void logoutThenVisitThenLoginAgainIsExpiredOnceAndThenNeverAgain() {
    Browser browser = app.browser();
    browser.login();
    browser.logout();

    HttpResponse<String> expired = browser.navigate("/account/orders");
    assertEquals(303, expired.statusCode(), () -> describe(expired));
    assertEquals(List.of(), browser.sessionIds(), "the stale cookie is gone before the login page");

    HttpResponse<String> login = browser.follow(expired);
    assertEquals(303, login.statusCode(), () -> describe(login));
    assertServletRan(browser.follow(login), AccountOrdersServlet.class);

    browser.logout();
    HttpResponse<String> again = browser.navigate("/account/orders");
    assertEquals(303, again.statusCode(), () -> "the second logout is reported once: " + describe(again));
    assertServletRan(browser.navigate("/account/orders"), AccountOrdersServlet.class);
  }

  @Test
  void liveSessionCookieIsNeverDeleted() {
    SessionCookie live = app.login();

    for (ClientKind client : ClientKind.values()) {
      HttpResponse<String> response = app.send("GET", "/account/orders", live, client);
      assertEquals(List.of(), response.headers().allValues("Set-Cookie"), () -> describe(response));
    }
    assertServletRan(app.get("/api/orders", live), OrdersServlet.class);
  }

  private static HttpCookie sessionCookieOf(HttpResponse<String> login) {
    Optional<HttpCookie> cookie = login.headers().allValues("Set-Cookie").stream()
        .flatMap(header -> HttpCookie.parse(header).stream())
        .filter(c -> SessionCookie.NAME.equals(c.getName()))
        .findFirst();
    return cookie.orElseThrow(() -> new AssertionError("login set no session cookie: " + describe(login)));
  }
}
