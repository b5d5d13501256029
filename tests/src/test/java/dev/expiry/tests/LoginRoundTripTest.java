package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.AccountOrdersServlet;
import dev.expiry.tests.fixture.Browser;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code {path}} of a browser redirect, end to end: an expired browser is sent to the login
 * page with the URL it asked for in {@code next}, logs in there, is sent back, and gets the page
 * it first asked for with its new session.
 */
class LoginRoundTripTest extends ContainerTest {

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void expiredBrowserLogsInAndComesBackToTheUrlItAskedFor() {
    String original = "/account/orders?id=7&x=a%20b";
    Browser browser = loggedOutBrowser();
    SessionCookie stale = browser.session().orElseThrow();

    HttpResponse<String> expired = browser.navigate(original);

    assertExpiryAnswer(expired, 303, "Location", Shop.CONTEXT_PATH
        + "/login?next=%2Fshop%2Faccount%2Forders%3Fid%3D7%26x%3Da%2520b");
    assertEquals(Shop.CONTEXT_PATH + original, next(expired), "decoded next");

    HttpResponse<String> login = browser.follow(expired);

    assertEquals(303, login.statusCode(), () -> describe(login));
    assertEquals(Optional.of(Shop.CONTEXT_PATH + original), login.headers().firstValue("Location"));
    SessionCookie fresh = browser.session().orElseThrow(() -> new AssertionError("login set no session"));
    assertNotEquals(stale, fresh, "a new session");

    HttpResponse<String> back = browser.follow(login);

    assertServletRan(back, AccountOrdersServlet.class);
    assertEquals(Shop.CONTEXT_PATH + original, back.uri().getRawPath() + "?" + back.uri().getRawQuery());
    assertEquals(Optional.of("a b"), back.headers().firstValue(AccountOrdersServlet.X), "decoded x");
  }

  @Test
  void nextKeepsEncodedCharactersOfPathAndQueryExactly() {
    // An encoded é in the path; an encoded &, = and # inside one query value; a + meaning space.
    String original = "/account/orders/%C3%A9t%C3%A9?x=%26y%3D1%23top&z=a+b";
    Browser browser = loggedOutBrowser();

    HttpResponse<String> expired = browser.navigate(original);

    assertEquals(303, expired.statusCode(), () -> describe(expired));
    assertEquals(Shop.CONTEXT_PATH + original, next(expired), "decoded next");

    HttpResponse<String> back = browser.follow(browser.follow(expired));

    assertServletRan(back, AccountOrdersServlet.class);
    assertEquals(URI.create(Shop.CONTEXT_PATH + original).getRawPath(), back.uri().getRawPath());
    assertEquals(Optional.of("&y=1#top"), back.headers().firstValue(AccountOrdersServlet.X), "decoded x");
  }

  @Test
  void nextWithoutQueryIsThePath() {
    HttpResponse<String> expired = loggedOutBrowser().navigate("/account/orders");

    assertExpiryAnswer(expired, 303, "Location",
        Shop.CONTEXT_PATH + "/login?next=%2Fshop%2Faccount%2Forders");
  }

  @Test
  void staleSessionIdInTheUrlIsLeftOutOfNextAndTheRoundTripCompletes() {
    // A URL-rewritten session id is part of the request URI; {path} leaves it out, so the login
    // page sends the browser back to the page itself, not to the stale id.
    Browser browser = app.browser();
    HttpResponse<String> expired = browser.navigate("/account/orders;jsessionid=stale-id?id=7");
    assertEquals(303, expired.statusCode(), () -> describe(expired));
    String location = expired.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("?next=" + URLEncoder.encode(Shop.CONTEXT_PATH + "/account/orders?id=7",
        StandardCharsets.UTF_8)), location);

    HttpResponse<String> back = browser.follow(browser.follow(expired));

    assertServletRan(back, AccountOrdersServlet.class);
  }

  @Test
  void loginPageRefusesToSendTheBrowserOutOfTheApplication() {
    for (String next : new String[] {"https://evil.example/", "//evil.example/", "/elsewhere"}) {
      HttpResponse<String> login = app.browser().navigate(
          "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));

      assertEquals(400, login.statusCode(), () -> describe(login));
      assertTrue(login.headers().allValues("Location").isEmpty(), () -> describe(login));
    }
  }

  /** A browser whose jar still holds the cookie of a session it logged out of. */
  private Browser loggedOutBrowser() {
    Browser browser = app.browser();
    browser.login();
    browser.logout();
    return browser;
  }

  /** The decoded {@code next} parameter of a redirect to the login page. */
  private static String next(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    String query = URI.create(location).getRawQuery();
    assertTrue(query.startsWith("next=") && query.indexOf('&') < 0, location);
    return URLDecoder.decode(query.substring("next=".length()), StandardCharsets.UTF_8);
  }
}
