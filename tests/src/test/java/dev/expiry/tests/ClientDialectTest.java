package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletDidNotRun;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static dev.expiry.tests.fixture.ExpiryAssertions.isSessionCookieDeletion;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.fixture.ClientKind;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.ExpiryAssertions;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The browser redirect of the README's page in the form each client library acts on: htmx,
 * Turbo (Drive visits and frames), Inertia and Jakarta Faces partial requests are sent to the
 * login page as a whole page; plain fetch keeps the API answer.
 */
class ClientDialectTest extends ContainerTest {

  private static final String PAGE = "/account/orders";
  private static final String LOGIN = Shop.CONTEXT_PATH + "/login?next=";
  private static final String LOGIN_REDIRECT = LOGIN + "%2Fshop%2Faccount%2Forders";
  private static final String VARY = ExpiryAssertions.VARY_DIALECTS_PAGE;
  private static final String CHALLENGE = "MyAuthScheme realm=\"shop\", error=\"session_expired\"";
  private static final SessionCookie EXPIRED = SessionCookie.madeUp("expired-session");

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  private HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder request = ClientKind.FETCH.on(app.request(method, path))
        .header("Cookie", EXPIRED.header());
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return app.send(request);
  }

  private String page(String pathAndQuery) {
    return app.uri(pathAndQuery).toString();
  }

  @Test
  void htmxGetsTheRedirectAsHxRedirectBackToThePageItIsOn() {
    HttpResponse<String> response = send("GET", "/account/orders/fragment", "HX-Request", "true",
        "HX-Current-URL", page("/account/orders?tab=open#top"));

    assertClientRedirect(response, 200, "HX-Redirect", LOGIN + "%2Fshop%2Faccount%2Forders%3Ftab%3Dopen");
  }

  @Test
  void htmxFromAnotherOriginReturnsToTheRequestedUrl() {
    HttpResponse<String> response = send("GET", PAGE, "HX-Request", "true",
        "HX-Current-URL", "http://elsewhere.example/account/orders?evil=1");

    assertClientRedirect(response, 200, "HX-Redirect", LOGIN_REDIRECT);
  }

  @Test
  void inertiaGetsAnExternalLocationVisit() {
    HttpResponse<String> response = send("GET", PAGE, "X-Inertia", "true", "X-Requested-With", "XMLHttpRequest");

    assertClientRedirect(response, 409, "X-Inertia-Location", LOGIN_REDIRECT);
  }

  @Test
  void facesPartialRequestGetsAPartialResponseRedirect() {
    HttpResponse<String> response = send("POST", PAGE + "?a=1&b=2", "Faces-Request", "partial/ajax");

    assertAll(describe(response),
        () -> assertEquals(200, response.statusCode(), "status"),
        () -> assertEquals("text/xml;charset=utf-8", response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT)),
        () -> assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partial-response><redirect url=\""
            + LOGIN + "%2Fshop%2Faccount%2Forders%3Fa%3D1%26b%3D2\"/></partial-response>\n", response.body()),
        () -> assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control")),
        () -> assertEquals(List.of(VARY), response.headers().allValues("Vary"), "Vary"),
        () -> assertTrue(response.headers().allValues("Set-Cookie").stream().allMatch(c -> isSessionCookieDeletion(c))),
        () -> assertServletDidNotRun(response));
  }

  @Test
  void facesPartialRequestToALocationWithoutPathGetsTheSameRedirectEveryTime() {
    HttpResponse<String> response = send("POST", "/dashboard", "Faces-Request", "partial/ajax");

    assertEquals(200, response.statusCode(), () -> describe(response));
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partial-response><redirect url=\""
        + Shop.CONTEXT_PATH + "/login\"/></partial-response>\n", response.body());
    assertEquals(List.of(ExpiryAssertions.VARY_DIALECTS), response.headers().allValues("Vary"));
  }

  @Test
  void turboDriveVisitFollowsTheRedirect() {
    HttpResponse<String> response = send("GET", PAGE, "X-Turbo-Request-Id", "b6a3c1f0",
        "Accept", "text/vnd.turbo-stream.html, text/html, application/xhtml+xml");

    assertExpiryAnswer(response, 303, "Location", LOGIN_REDIRECT);
    assertEquals(List.of(VARY), response.headers().allValues("Vary"), "Vary");
  }

  @Test
  void turboFrameIsRedirectedBackToThePageAroundIt() {
    HttpResponse<String> response = send("GET", "/account/orders/recent", "Turbo-Frame", "recent",
        "X-Turbo-Request-Id", "b6a3c1f0", "Accept", "text/html, application/xhtml+xml",
        "Referer", page("/account/orders?tab=open"));

    assertExpiryAnswer(response, 303, "Location", LOGIN + "%2Fshop%2Faccount%2Forders%3Ftab%3Dopen");
  }

  @Test
  void turboFrameWithoutASameOriginRefererReturnsToTheFrame() {
    HttpResponse<String> response = send("GET", "/account/orders/recent", "Turbo-Frame", "recent",
        "Referer", "http://localhost.example/account");

    assertExpiryAnswer(response, 303, "Location", LOGIN + "%2Fshop%2Faccount%2Forders%2Frecent");
  }

  @Test
  void plainFetchKeepsTheChallenge() {
    HttpResponse<String> response = send("GET", PAGE);

    assertEquals(401, response.statusCode(), () -> describe(response));
    assertEquals(List.of(VARY), response.headers().allValues("Vary"), "Vary");
  }

  @Test
  void anEndpointWithoutABrowserRedirectAnswersEveryLibraryAsBefore() {
    HttpResponse<String> response = send("GET", "/api/profile", "HX-Request", "true");

    assertEquals(401, response.statusCode(), () -> describe(response));
    assertEquals(List.of(), response.headers().allValues("HX-Redirect"));
    assertEquals(List.of(ExpiryAssertions.VARY), response.headers().allValues("Vary"));
  }

  @Test
  void aFrameGetsTheChallengeAsAPageThatLinksTheLoginPageForTheWholeWindow() {
    HttpResponse<String> response = send("GET", "/account/orders/summary", "Sec-Fetch-Mode", "navigate",
        "Sec-Fetch-Dest", "iframe", "Accept", "text/html,*/*;q=0.8", "Referer", page("/account/orders?tab=open"));

    assertAll(describe(response),
        () -> assertEquals(401, response.statusCode(), "status"),
        () -> assertEquals(List.of(CHALLENGE), response.headers().allValues("WWW-Authenticate")),
        () -> assertEquals(List.of(), response.headers().allValues("Location")),
        () -> assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")),
        () -> assertTrue(response.body().contains("<a href=\"" + LOGIN + "%2Fshop%2Faccount%2Forders%3Ftab%3Dopen\""
            + " target=\"_top\">Log in again</a>"), response.body()),
        () -> assertEquals(List.of(VARY), response.headers().allValues("Vary"), "Vary"),
        () -> assertTrue(response.headers().allValues("Set-Cookie").stream().allMatch(c -> isSessionCookieDeletion(c))),
        () -> assertServletDidNotRun(response));
  }

  @Test
  void aRequestNoPageReadsGetsTheChallengeWithoutBodyAndKeepsTheStaleCookie() {
    for (String dest : List.of("image", "script", "style")) {
      HttpResponse<String> response = send("GET", "/account/orders/asset", "Sec-Fetch-Mode", "no-cors",
          "Sec-Fetch-Dest", dest);

      assertAll(dest + ": " + describe(response),
          () -> assertEquals(401, response.statusCode(), "status"),
          () -> assertEquals(List.of(CHALLENGE), response.headers().allValues("WWW-Authenticate")),
          () -> assertEquals("", response.body(), "body"),
          () -> assertEquals(Optional.of("0"), response.headers().firstValue("Content-Length")),
          () -> assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "Set-Cookie"),
          () -> assertServletDidNotRun(response));
    }
  }

  @Test
  void aPrefetchGetsTheRedirectAndKeepsTheStaleCookie() {
    HttpResponse<String> response = send("GET", PAGE, "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document",
        "Sec-Purpose", "prefetch", "Accept", "text/html");

    assertEquals(303, response.statusCode(), () -> describe(response));
    assertEquals(List.of(LOGIN_REDIRECT), response.headers().allValues("Location"));
    assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "Set-Cookie");
  }

  @Test
  void scriptIsToldWhereTheLoginPageIsForThePageItRunsOn() {
    HttpResponse<String> response = send("GET", "/account/orders/list", "Accept", "application/json",
        "Referer", page("/account/orders?tab=open"));

    assertEquals(401, response.statusCode(), () -> describe(response));
    assertTrue(response.body().endsWith("\"instance\":\"/shop/account/orders/list\",\"login\":\""
        + LOGIN + "%2Fshop%2Faccount%2Forders%3Ftab%3Dopen\"}"), response.body());
  }

  @Test
  void withoutAPageScriptIsToldTheLoginPageForTheRequest() {
    HttpResponse<String> response = send("GET", PAGE, "Accept", "application/json");

    assertTrue(response.body().endsWith(",\"login\":\"" + LOGIN_REDIRECT + "\"}"), response.body());
  }

  @Test
  void aLoginLinkWithThePageItIsOnVariesOnWhatTellsAFrameAndThePage() {
    // The session's answer sends no one anywhere; the endpoint's login page, known from its
    // access-token policy, is linked with {path} the page a frame is on.
    HttpResponse<String> frame = send("GET", "/linked", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "iframe",
        "Accept", "text/html", "Referer", page("/account/orders?tab=open"));
    HttpResponse<String> page = send("GET", "/linked", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document",
        "Accept", "text/html", "Referer", page("/account/orders?tab=open"));

    assertAll(describe(frame),
        () -> assertEquals(401, frame.statusCode()),
        () -> assertTrue(frame.body().contains("/shop/login?next=%2Fshop%2Faccount%2Forders%3Ftab%3Dopen"), frame.body()),
        () -> assertTrue(page.body().contains("/shop/login?next=%2Fshop%2Flinked"), page.body()),
        () -> assertEquals(List.of(ExpiryAssertions.VARY_PAGE), frame.headers().allValues("Vary")),
        () -> assertEquals(List.of(ExpiryAssertions.VARY_PAGE), page.headers().allValues("Vary")));
  }

  @Test
  void aPageWithoutALoginLocationLinksNone() {
    HttpResponse<String> response = send("GET", "/api/profile", "Sec-Fetch-Mode", "navigate", "Accept", "text/html");

    assertEquals(401, response.statusCode(), () -> describe(response));
    assertTrue(response.body().startsWith("<!DOCTYPE html>"), response.body());
    assertTrue(!response.body().contains("<a "), response.body());
  }

  private static void assertClientRedirect(HttpResponse<String> response, int status, String header, String value) {
    assertAll(describe(response),
        () -> assertEquals(status, response.statusCode(), "status"),
        () -> assertEquals(List.of(value), response.headers().allValues(header), header),
        () -> assertEquals(List.of(), response.headers().allValues("Location"), "Location"),
        () -> assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"), "WWW-Authenticate"),
        () -> assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control")),
        () -> assertEquals(List.of(VARY), response.headers().allValues("Vary"), "Vary"),
        () -> assertEquals("", response.body(), "body"),
        () -> assertTrue(response.headers().allValues("Set-Cookie").stream().allMatch(c -> isSessionCookieDeletion(c))),
        () -> assertServletDidNotRun(response));
  }
}
