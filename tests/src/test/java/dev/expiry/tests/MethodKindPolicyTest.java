package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletDidNotRun;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.CheckoutServlet;
import dev.expiry.tests.app.Forms;
import dev.expiry.tests.fixture.ExpiryAssertions;
import dev.expiry.tests.fixture.ClientKind;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.Problem;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Repeated policies on a class and its methods ({@link CheckoutServlet}): a method's policy beats
 * the class's, on each element the exact kind beats ANY, and the class answers whatever the method
 * does not declare.
 */
class MethodKindPolicyTest extends ContainerTest {

  private static final String CLASS_REDIRECT = Shop.CONTEXT_PATH + "/login?next=%2Fshop%2Fcheckout";
  private static final String CLASS_CHALLENGE = "MyAuthScheme realm=\"checkout\"";
  private static final SessionCookie EXPIRED = SessionCookie.madeUp("expired-session");

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void getHasTheClassPoliciesForEachKind() {
    assertExpiryAnswer(app.send("GET", "/checkout", EXPIRED, ClientKind.BROWSER_NAVIGATION),
        303, "Location", CLASS_REDIRECT);
    assertExpiryAnswer(app.send("GET", "/checkout", EXPIRED, ClientKind.FETCH),
        401, "WWW-Authenticate", CLASS_CHALLENGE);
    assertExpiryAnswer(app.send("HEAD", "/checkout", EXPIRED, ClientKind.CURL),
        401, "WWW-Authenticate", CLASS_CHALLENGE);
  }

  @Test
  void methodApiPolicyBeatsTheClassApiPolicy() {
    for (ClientKind api : List.of(ClientKind.FETCH, ClientKind.CURL, ClientKind.JSON_CLIENT)) {
      assertExpiryAnswer(app.send("POST", "/checkout", EXPIRED, api),
          401, "WWW-Authenticate", "MyAuthScheme realm=\"checkout-post\"");
    }
  }

  @Test
  void classBrowserPolicyAnswersWhatTheMethodDoesNotDeclare() {
    HttpResponse<String> response = app.send("POST", "/checkout", EXPIRED, ClientKind.BROWSER_NAVIGATION);

    assertExpiryAnswer(response, 303, "Location", CLASS_REDIRECT);
    assertEquals(List.of(ExpiryAssertions.VARY_DIALECTS_PAGE), response.headers().allValues("Vary"),
        "browsers, API clients and client libraries get different answers to POST");
  }

  @Test
  void methodExactKindBeatsMethodAnyAndMethodAnyBeatsClassExact() {
    assertExpiryAnswer(app.send("PUT", "/checkout", EXPIRED, ClientKind.BROWSER_NAVIGATION),
        303, "Location", Shop.CONTEXT_PATH + "/login");
    assertExpiryAnswer(app.send("PUT", "/checkout", EXPIRED, ClientKind.BROWSER_WITHOUT_FETCH_METADATA),
        303, "Location", Shop.CONTEXT_PATH + "/login");
    assertExpiryAnswer(app.send("PUT", "/checkout", EXPIRED, ClientKind.FETCH),
        401, "WWW-Authenticate", "MyAuthScheme realm=\"checkout-put\"");
  }

  @Test
  void methodCsrfPolicyAnswersAStaleTokenOnPostWithTheDefaults() {
    SessionCookie live = app.login();

    HttpResponse<String> api = app.send(ClientKind.JSON_CLIENT.on(postForm("csrf=stale", live)));
    HttpResponse<String> browser = app.send(ClientKind.BROWSER_NAVIGATION.on(postForm("csrf=stale", live)));

    assertAll(describe(api),
        () -> assertEquals(403, api.statusCode(), "status"),
        () -> assertEquals(new Problem("https://expiry.dev/problems/csrf-token-expired", "CSRF token expired", 403,
            "The form has expired. Reload the page and submit the form again.",
            Shop.CONTEXT_PATH + "/checkout", Problem.MEMBERS), Problem.of(api)),
        () -> assertEquals(List.of(), api.headers().allValues("WWW-Authenticate")),
        () -> assertServletDidNotRun(api));
    assertAll(describe(browser),
        () -> assertEquals(403, browser.statusCode(), "status"),
        () -> assertEquals(List.of(), browser.headers().allValues("Location"), "no redirect for CSRF"),
        () -> assertTrue(browser.body().contains("CSRF token expired"), "title"),
        () -> assertTrue(browser.body().contains("The form has expired. Reload the page and submit the form again."),
            "detail"),
        () -> assertServletDidNotRun(browser));
    assertServletRan(app.send(postForm("csrf=fresh", live)), CheckoutServlet.class);
  }

  @Test
  void getHasNoCsrfPolicySoSendReturnsFalse() {
    HttpResponse<String> response = app.send("GET", "/checkout?csrf=stale", app.login(), ClientKind.JSON_CLIENT);

    assertServletRan(response, CheckoutServlet.class);
    assertEquals(Optional.of("false"), response.headers().firstValue(Forms.SENT));
  }

  @Test
  void liveSessionReachesEveryMethod() {
    SessionCookie live = app.login();

    assertServletRan(app.send("GET", "/checkout", live, ClientKind.BROWSER_NAVIGATION), CheckoutServlet.class);
    assertServletRan(app.send("POST", "/checkout", live, ClientKind.FETCH), CheckoutServlet.class);
    assertServletRan(app.send("PUT", "/checkout", live, ClientKind.FETCH), CheckoutServlet.class);
  }

  private HttpRequest.Builder postForm(String form, SessionCookie session) {
    return app.request("POST", "/checkout")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", session.header());
  }
}
