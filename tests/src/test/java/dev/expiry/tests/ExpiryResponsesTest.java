package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletDidNotRun;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.AccountOrdersServlet;
import dev.expiry.tests.app.BearerTokenFilter;
import dev.expiry.tests.app.Forms;
import dev.expiry.tests.app.ReportingServlet;
import dev.expiry.tests.app.TokenProfileServlet;
import dev.expiry.tests.fixture.ExpiryAssertions;
import dev.expiry.tests.fixture.ClientKind;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.Problem;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code ExpiryResponses.send} for the expiries the container cannot see: a stale CSRF token
 * reported by the servlet, an expired access token reported by a filter in front of it, and an
 * endpoint with no policy for what was reported, where {@code send} returns false and writes
 * nothing.
 */
class ExpiryResponsesTest extends ContainerTest {

  private static final String BEARER_CHALLENGE = "Bearer realm=\"tokens\", error=\"invalid_token\"";

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void staleCsrfTokenOnAFormPostGetsTheCsrfPolicyAsAPage() {
    SessionCookie live = app.login();

    HttpResponse<String> response = app.send(postForm("/account/orders", "csrf=stale&item=42", live)
        .header("Sec-Fetch-Mode", "navigate")
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

    assertAll(describe(response),
        () -> assertEquals(403, response.statusCode(), "status"),
        () -> assertEquals(Optional.of("text/html;charset=utf-8"),
            response.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase(Locale.ROOT)), "type"),
        () -> assertTrue(response.body().contains("CSRF token expired"), "title"),
        () -> assertTrue(response.body().contains("Reload the form and submit it again"), "detail"),
        () -> assertNoSessionHeaders(response),
        () -> assertServletDidNotRun(response));
  }

  @Test
  void staleCsrfTokenFromScriptGetsTheCsrfPolicyAsProblemJson() {
    SessionCookie live = app.login();

    HttpResponse<String> response = app.send(postForm("/account/orders", "csrf=stale", live)
        .header("Sec-Fetch-Mode", "cors")
        .header("Accept", "application/json"));

    Problem problem = Problem.of(response);
    assertAll(describe(response),
        () -> assertEquals(403, response.statusCode(), "status"),
        () -> assertEquals(new Problem("https://expiry.dev/problems/csrf-token-expired", "CSRF token expired", 403,
            "Reload the form and submit it again", Shop.CONTEXT_PATH + "/account/orders", Problem.MEMBERS),
            problem),
        () -> assertEquals(List.of(ExpiryAssertions.VARY), response.headers().allValues("Vary"), "Vary"),
        () -> assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control")),
        () -> assertNoSessionHeaders(response),
        () -> assertServletDidNotRun(response));
  }

  @Test
  void freshCsrfTokenReachesTheServlet() {
    assertServletRan(app.send(postForm("/account/orders", "csrf=fresh", app.login())),
        AccountOrdersServlet.class);
  }

  @Test
  void expiredBearerTokenIsAnsweredFromTheFilterWithTheAccessTokenPolicy() {
    HttpResponse<String> response = app.send(app.request("GET", "/tokens/profile")
        .header("Authorization", "Bearer expired-token"));

    assertExpiryAnswer(response, 401, "WWW-Authenticate", BEARER_CHALLENGE);
    assertEquals(new Problem("https://expiry.dev/problems/access-token-expired", "Access token expired", 401,
        "The access token has expired. Obtain a new one and repeat the request.",
        Shop.CONTEXT_PATH + "/tokens/profile", Problem.MEMBERS), Problem.of(response));
    assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
  }

  @Test
  void missingBearerTokenIsAnsweredFromTheFilterWithTheAccessTokenPolicy() {
    assertExpiryAnswer(app.send("GET", "/tokens/profile"), 401, "WWW-Authenticate", BEARER_CHALLENGE);
    assertExpiryAnswer(app.send("HEAD", "/tokens/profile"), 401, "WWW-Authenticate", BEARER_CHALLENGE);
  }

  @Test
  void accessTokenAnswerKeepsEvenAStaleSessionCookie() {
    // TokenProfileServlet has no SESSION policy, so the filter lets the stale session through;
    // the ACCESS_TOKEN answer must not delete a cookie whose state is none of its business.
    SessionCookie stale = loggedOutSession();

    HttpResponse<String> response = app.send(app.request("GET", "/tokens/profile")
        .header("Cookie", stale.header())
        .header("Authorization", "Bearer expired-token"));

    assertExpiryAnswer(response, 401, "WWW-Authenticate", BEARER_CHALLENGE);
    assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "no deletion for an access token");
  }

  @Test
  void validBearerTokenReachesTheServlet() {
    HttpResponse<String> response = app.send(app.request("GET", "/tokens/profile")
        .header("Authorization", BearerTokenFilter.VALID));

    assertServletRan(response, TokenProfileServlet.class);
    assertEquals(Optional.empty(), response.headers().firstValue(BearerTokenFilter.SENT));
  }

  @Test
  void filterSendReturnsFalseWithoutAnAccessTokenPolicyAndTheServletAnswers() {
    // ReportingServlet declares SESSION and CSRF_TOKEN policies, none for ACCESS_TOKEN.
    HttpResponse<String> response = app.send(app.request("GET", "/tokens/reporting")
        .header("Authorization", "Bearer expired-token")
        .header("Accept", "application/json"));

    assertServletRan(response, ReportingServlet.class);
    assertEquals(Optional.of("false"), response.headers().firstValue(BearerTokenFilter.SENT));
    assertUntouchedByExpiry(response);
  }

  @Test
  void servletSendReturnsFalseWithoutAPolicyForThatExpiry() {
    for (ClientKind client : ClientKind.values()) {
      HttpResponse<String> response = app.send("GET", "/reporting?report=ACCESS_TOKEN", client);

      assertServletRan(response, ReportingServlet.class);
      assertEquals(Optional.of("false"), response.headers().firstValue(Forms.SENT), () -> describe(response));
      assertUntouchedByExpiry(response);
    }
    // Method-level policies do not change that: CheckoutServlet's CSRF policy is on doPost only.
    HttpResponse<String> plain = app.send("GET", "/checkout?csrf=stale", app.login());
    assertEquals(Optional.of("false"), plain.headers().firstValue(Forms.SENT), () -> describe(plain));
  }

  @Test
  void servletSendReturnsTrueForAPolicyItDeclares() {
    HttpResponse<String> response = app.send("GET", "/reporting?report=CSRF_TOKEN", ClientKind.JSON_CLIENT);

    assertEquals(403, response.statusCode(), () -> describe(response));
    assertEquals(new Problem("https://expiry.dev/problems/csrf-token-expired", "Form expired", 403,
        "The form has expired. Reload the page and submit the form again.",
        Shop.CONTEXT_PATH + "/reporting", Problem.MEMBERS), Problem.of(response));
    assertServletDidNotRun(response);
  }

  @Test
  void servletThatAlreadyStartedItsPageCanStillSendThePolicy() {
    // The servlet wrote part of its page through getWriter() before it noticed the stale token;
    // nothing is committed yet, so send must replace that with the policy's answer.
    HttpResponse<String> response = app.send("GET",
        "/reporting?writeFirst=true&report=CSRF_TOKEN", ClientKind.JSON_CLIENT);

    assertEquals(403, response.statusCode(), () -> describe(response));
    assertEquals("Form expired", Problem.withAnyCharset(response).title());
    assertFalse(response.body().contains("Your orders"), response::body);
  }

  private HttpRequest.Builder postForm(String path, String form, SessionCookie session) {
    return app.request("POST", path)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", session.header());
  }

  /** No session created, no session cookie deleted. */
  private static void assertNoSessionHeaders(HttpResponse<String> response) {
    assertEquals(List.of(), response.headers().allValues("Set-Cookie"), () -> "Set-Cookie in " + describe(response));
  }

  /** Nothing of an expiry answer: no challenge, no redirect, no Cache-Control or Vary of Expiry's. */
  private static void assertUntouchedByExpiry(HttpResponse<String> response) {
    assertAll(describe(response),
        () -> assertEquals(List.of(), response.headers().allValues("WWW-Authenticate")),
        () -> assertEquals(List.of(), response.headers().allValues("Location")),
        () -> assertEquals(List.of(), response.headers().allValues("Vary")),
        () -> assertEquals(List.of(), response.headers().allValues("Cache-Control")));
  }
}
