package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletDidNotRun;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static dev.expiry.tests.fixture.ExpiryAssertions.isSessionCookieDeletion;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.AccountOrdersServlet;
import dev.expiry.tests.fixture.ClientKind;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.ExpiryAssertions;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which kind of client a request comes from, decided from {@code Sec-Fetch-Mode}, {@code
 * X-Requested-With}, {@code Accept} and {@code Upgrade-Insecure-Requests}, and so which policy answers: on the README's page, browsers
 * are sent to the login page and everything else is challenged.
 */
class ClientKindTest extends ContainerTest {

  private static final String PAGE = "/account/orders";
  private static final String LOGIN_REDIRECT =
      Shop.CONTEXT_PATH + "/login?next=%2Fshop%2Faccount%2Forders";
  private static final String CHALLENGE = "MyAuthScheme realm=\"shop\", error=\"session_expired\"";
  /** The page's browser redirect has {@code {path}}: client libraries get it in their own form. */
  private static final String VARY = ExpiryAssertions.VARY_DIALECTS_PAGE;
  private static final SessionCookie EXPIRED = SessionCookie.madeUp("expired-session");

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void browserNavigationIsSentToTheLoginPage() {
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.BROWSER_NAVIGATION);

    assertExpiryAnswer(response, 303, "Location", LOGIN_REDIRECT);
    assertEquals(List.of(VARY), response.headers().allValues("Vary"), "Vary");
  }

  @Test
  void fetchGetsTheChallenge() {
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.FETCH);

    assertExpiryAnswer(response, 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void xhrGetsTheChallengeEvenWhenItAsksForHtml() {
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.XHR);

    assertChallengedWithPlainText(response);
  }

  @Test
  void curlGetsTheChallenge() {
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.CURL);

    assertExpiryAnswer(response, 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void browserWithoutFetchMetadataIsRecognizedByItsAcceptAndUpgradeInsecureRequests() {
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.BROWSER_WITHOUT_FETCH_METADATA);

    assertExpiryAnswer(response, 303, "Location", LOGIN_REDIRECT);
  }

  @Test
  void fetchAskingForHtmlWithoutFetchMetadataGetsTheChallengeNotTheRedirect() {
    // Plain HTTP to a host other than localhost: no Sec-Fetch-*, and fetch() sends no
    // Upgrade-Insecure-Requests. It must not silently follow a 303 to the login page.
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.FETCH_HTML_WITHOUT_FETCH_METADATA);

    assertChallengedWithPlainText(response);
    assertTrue(response.headers().allValues("Set-Cookie").stream().anyMatch(ExpiryAssertions::isSessionCookieDeletion),
        () -> describe(response));
  }

  @Test
  void upgradeInsecureRequestsAloneMakesNoBrowser() {
    // A navigation is told by both: Accept preferring HTML and Upgrade-Insecure-Requests: 1.
    for (String accept : List.of("*/*", "application/json, text/html;q=0.9")) {
      assertExpiryAnswer(app.send(app.request("GET", PAGE)
              .header("Cookie", EXPIRED.header())
              .header("Upgrade-Insecure-Requests", "1")
              .header("Accept", accept)),
          401, "WWW-Authenticate", CHALLENGE);
    }
    assertChallengedWithPlainText(app.send(app.request("GET", PAGE)
        .header("Cookie", EXPIRED.header())
        .header("Upgrade-Insecure-Requests", "0")
        .header("Accept", "text/html")));
  }

  @Test
  void imageOrStylesheetWithoutFetchMetadataKeepsTheStaleCookieAndGetsNoBody() {
    // What Chromium sends for <img> and stylesheets on plain HTTP to a host other than localhost.
    for (String accept : List.of("image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",
        "text/css,*/*;q=0.1")) {
      HttpResponse<String> response = app.send(app.request("GET", PAGE)
          .header("Cookie", EXPIRED.header())
          .header("Accept", accept));
      assertAll(describe(response),
          () -> assertEquals(401, response.statusCode(), "status"),
          () -> assertEquals(List.of(CHALLENGE), response.headers().allValues("WWW-Authenticate")),
          () -> assertEquals("", response.body(), "body"),
          () -> assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "Set-Cookie"),
          () -> assertServletDidNotRun(response));
    }
  }

  @Test
  void clientAskingForJsonGetsTheChallenge() {
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.JSON_CLIENT);

    assertExpiryAnswer(response, 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void clientWithoutAnyHintIsAnApiClient() {
    assertExpiryAnswer(app.get(PAGE, EXPIRED), 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void secFetchModeDecidesBeforeAcceptAndXRequestedWith() {
    // A navigation is a browser whatever it accepts; any other mode is script whatever it accepts.
    assertExpiryAnswer(app.send(app.request("GET", PAGE)
            .header("Cookie", EXPIRED.header())
            .header("Sec-Fetch-Mode", "navigate")
            .header("X-Requested-With", "XMLHttpRequest")
            .header("Accept", "application/json")),
        303, "Location", LOGIN_REDIRECT);
    assertExpiryAnswer(app.send(app.request("GET", PAGE)
            .header("Cookie", EXPIRED.header())
            .header("Sec-Fetch-Mode", "same-origin")
            .header("Accept", "application/json, text/html")),
        401, "WWW-Authenticate", CHALLENGE);
    // no-cors (an image, a script, a stylesheet): script too, with no body, as no page reads it.
    HttpResponse<String> noCors = app.send(app.request("GET", PAGE)
        .header("Cookie", EXPIRED.header())
        .header("Sec-Fetch-Mode", "no-cors")
        .header("Accept", "text/html"));
    assertAll(describe(noCors),
        () -> assertEquals(401, noCors.statusCode(), "status"),
        () -> assertEquals(List.of(CHALLENGE), noCors.headers().allValues("WWW-Authenticate")),
        () -> assertEquals("", noCors.body(), "body"),
        () -> assertServletDidNotRun(noCors));
  }

  @Test
  void acceptThatPrefersJsonOverHtmlIsAnApiClient() {
    assertExpiryAnswer(app.send(app.request("GET", PAGE)
            .header("Cookie", EXPIRED.header())
            .header("Accept", "text/html;q=0.5, application/json")),
        401, "WWW-Authenticate", CHALLENGE);
    assertExpiryAnswer(app.send(app.request("GET", PAGE)
            .header("Cookie", EXPIRED.header())
            .header("Upgrade-Insecure-Requests", "1")
            .header("Accept", "application/json;q=0.4, text/*;q=0.9")),
        303, "Location", LOGIN_REDIRECT);
  }

  @Test
  void everyKindReachesTheServletWithALiveSession() {
    SessionCookie live = app.login();

    for (ClientKind client : ClientKind.values()) {
      assertServletRan(app.send("GET", PAGE, live, client), AccountOrdersServlet.class);
    }
  }

  @Test
  void exactKindPolicyWinsOverAnyPolicy() {
    HttpResponse<String> browser = app.send("GET", "/dashboard", EXPIRED, ClientKind.BROWSER_NAVIGATION);
    HttpResponse<String> oldBrowser = app.send("GET", "/dashboard", EXPIRED, ClientKind.BROWSER_WITHOUT_FETCH_METADATA);
    HttpResponse<String> fetch = app.send("GET", "/dashboard", EXPIRED, ClientKind.FETCH);

    assertExpiryAnswer(browser, 303, "Location", Shop.CONTEXT_PATH + "/login");
    assertExpiryAnswer(oldBrowser, 303, "Location", Shop.CONTEXT_PATH + "/login");
    assertExpiryAnswer(fetch, 401, "WWW-Authenticate", "MyAuthScheme realm=\"dashboard\"");
    assertEquals(List.of(ExpiryAssertions.VARY_DIALECTS), browser.headers().allValues("Vary"), "Vary on the redirect");
  }

  @Test
  void redirectThatEveryKindGetsVariesOnlyForClientLibraries() {
    // AccountServlet has one ANY policy: the same 303 for every kind of client; only htmx, Turbo
    // frames, Inertia and Faces get it in their own form.
    HttpResponse<String> browser = app.send("GET", "/account", EXPIRED, ClientKind.BROWSER_NAVIGATION);
    HttpResponse<String> fetch = app.send("GET", "/account", EXPIRED, ClientKind.FETCH);

    assertExpiryAnswer(browser, 303, "Location", Shop.CONTEXT_PATH + "/login");
    assertExpiryAnswer(fetch, 303, "Location", Shop.CONTEXT_PATH + "/login");
    assertEquals(List.of(ExpiryAssertions.VARY_DIALECTS), browser.headers().allValues("Vary"), "Vary");
    assertEquals(List.of(ExpiryAssertions.VARY_DIALECTS), fetch.headers().allValues("Vary"), "Vary");
  }

  @Test
  void browserRedirectDeletesTheStaleSessionCookieToo() {
    HttpResponse<String> response = app.send("GET", PAGE, EXPIRED, ClientKind.BROWSER_NAVIGATION);

    List<String> setCookies = response.headers().allValues("Set-Cookie");
    assertEquals(1, setCookies.size(), () -> describe(response));
    assertTrue(isSessionCookieDeletion(setCookies.get(0)), setCookies::toString);
  }

  /** A 401 with the challenge for an API client that does not accept JSON. */
  private static void assertChallengedWithPlainText(HttpResponse<String> response) {
    assertAll(describe(response),
        () -> assertEquals(401, response.statusCode(), "status"),
        () -> assertEquals(List.of(CHALLENGE), response.headers().allValues("WWW-Authenticate")),
        () -> assertEquals(List.of(), response.headers().allValues("Location")),
        () -> assertEquals(Optional.of("text/plain;charset=utf-8"), response.headers()
            .firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase(Locale.ROOT)),
            "Content-Type"),
        () -> assertEquals(List.of(VARY), response.headers().allValues("Vary"), "Vary"),
        () -> assertServletDidNotRun(response));
  }
}
