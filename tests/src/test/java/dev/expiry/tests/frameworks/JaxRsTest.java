package dev.expiry.tests.frameworks;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.frameworks.FrameworkApp.assertFrameworkAnswered;
import static dev.expiry.tests.frameworks.FrameworkApp.assertHandlerRan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.BearerTokenFilter;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import dev.expiry.tests.jaxrs.JerseyServlet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * JAX-RS on Jersey, its servlet mapped at {@code /api/*} (the application path), on each
 * container: an expired session gets the policy of the resource method Jersey itself matched,
 * also when a locator, an abstract superclass, an interface or a media type decides which
 * method that is; where Jersey matches none, it answers itself.
 */
class JaxRsTest extends ContainerTest {

  private SessionCookie expired;

  @Override
  protected TestApp deployment() {
    return TestApp.at("/shop")
        .expiryInitializer()
        .filter(BearerTokenFilter.class, "/api/tokens/*")
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .servletInstance(JerseyServlet.class, "/api/*")
        .build();
  }

  /** A session that really timed out, one per run of the class. */
  private SessionCookie expired() {
    if (expired == null) {
      expired = FrameworkApp.expiredSession(app);
    }
    return expired;
  }

  private HttpResponse<String> expiredWith(String method, String path, String header, String value) {
    return app.send(app.request(method, path).header("Cookie", expired().header()).header(header, value));
  }

  @Test
  void aClassPolicyAnswersOnAPathVariable() {
    assertExpiryAnswer(app.get("/api/orders/7", expired()), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
    // JAX-RS ignores a trailing slash.
    assertExpiryAnswer(app.get("/api/orders/7/", expired()), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
  }

  @Test
  void aMethodPolicyAnswersOnTheSamePathWithAnotherMethod() {
    assertExpiryAnswer(app.send("POST", "/api/orders/7", expired()), 401, "WWW-Authenticate",
        "OrdersPostScheme realm=\"orders\"");
  }

  @Test
  void headFollowsGet() {
    assertExpiryAnswer(app.send("HEAD", "/api/orders/7", expired()), 401, "WWW-Authenticate",
        "OrdersScheme realm=\"orders\"");
  }

  @Test
  void aRegexTemplateMatchesWhatItsPatternMatchesAndALiteralWinsOverIt() {
    SessionCookie madeUp = SessionCookie.madeUp("made-up");
    assertExpiryAnswer(app.get("/api/orders/by-number/42", madeUp), 401, "WWW-Authenticate",
        "NumberedScheme realm=\"orders\"");
    assertExpiryAnswer(app.get("/api/orders/by-number/latest", madeUp), 401, "WWW-Authenticate",
        "OrdersScheme realm=\"orders\"");
    assertFrameworkAnswered(app.get("/api/orders/by-number/abc", madeUp), 404);
  }

  @Test
  void aComposedPolicyOnAMethodAnswersEachKindOfClient() {
    assertExpiryAnswer(app.get("/api/orders/7/status", expired()), 401, "WWW-Authenticate", "ApiScheme realm=\"api\"");
    HttpResponse<String> page = expiredWith("GET", "/api/orders/7/status", "Sec-Fetch-Mode", "navigate");
    assertExpiryAnswer(page, 303, "Location", "/shop/login");
  }

  @Test
  void thePackageDefaultCoversAResourceWithoutItsOwn() {
    SessionCookie session = app.login();
    app.logout(session);
    assertExpiryAnswer(app.get("/api/profile", session), 401, "WWW-Authenticate", "PackageScheme realm=\"jaxrs\"");
  }

  @Test
  void aSubResourceALocatorReturnsAnswersWithThePolicyOfTheMethodJerseyRuns() {
    assertExpiryAnswer(app.get("/api/carts/5/items", expired()), 401, "WWW-Authenticate", "ItemsScheme realm=\"carts\"");
    assertExpiryAnswer(app.get("/api/carts/5/items/9", expired()), 401, "WWW-Authenticate", "ItemScheme realm=\"carts\"");
    // The literal beside the template: Jersey runs count(), which has no policy.
    assertHandlerRan(app.get("/api/carts/5/items/count", expired()), "count of 5");
  }

  @Test
  void besideALocatorTheRootResourcesOwnMethodAnswers() {
    assertExpiryAnswer(app.get("/api/carts/5", expired()), 401, "WWW-Authenticate", "CartScheme realm=\"carts\"");
  }

  @Test
  void aMethodInheritedFromAnAbstractClassGetsThePolicyOfTheResourceClass() {
    assertExpiryAnswer(app.get("/api/catalog/abc", expired()), 401, "WWW-Authenticate", "CatalogScheme realm=\"catalog\"");
  }

  @Test
  void theResourcesOwnMethodBesideAnInheritedOneAnswersWithItsPolicy() {
    assertExpiryAnswer(app.get("/api/catalog", expired()), 401, "WWW-Authenticate", "CatalogListScheme realm=\"catalog\"");
  }

  @Test
  void annotationsDeclaredOnAnInterfaceLeadToThePolicyOfTheImplementingMethod() {
    assertExpiryAnswer(app.get("/api/tickets/3", expired()), 401, "WWW-Authenticate", "TicketScheme realm=\"tickets\"");
    assertExpiryAnswer(app.get("/api/tickets", expired()), 401, "WWW-Authenticate", "TicketsScheme realm=\"tickets\"");
  }

  @Test
  void producesChoosesBetweenTwoMethodsOnOnePath() {
    assertExpiryAnswer(expiredWith("GET", "/api/reports", "Accept", "text/csv, application/problem+json;q=0.5"),
        401, "WWW-Authenticate", "CsvScheme realm=\"reports\"");
    assertExpiryAnswer(expiredWith("GET", "/api/reports", "Accept", "application/json"),
        401, "WWW-Authenticate", "JsonScheme realm=\"reports\"");
  }

  @Test
  void consumesChoosesBetweenTwoMethodsOnOnePath() {
    assertExpiryAnswer(app.send(withBody(app.request("POST", "/api/reports"), "text/plain", "figures")
            .header("Cookie", expired().header())),
        401, "WWW-Authenticate", "TextUploadScheme realm=\"reports\"");
    assertExpiryAnswer(app.send(withBody(app.request("POST", "/api/reports"), "application/json", "{}")
            .header("Cookie", expired().header())),
        401, "WWW-Authenticate", "JsonUploadScheme realm=\"reports\"");
  }

  private static HttpRequest.Builder withBody(HttpRequest.Builder request, String type, String body) {
    return request.method("POST", HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", type);
  }

  @Test
  void anUnannotatedResourceRuns() {
    assertHandlerRan(app.get("/api/plain", expired()), "plain");
  }

  @Test
  void unknownPathsAndMethodsAreLeftToJersey() {
    assertFrameworkAnswered(app.get("/api/nowhere", expired()), 404);
    assertFrameworkAnswered(app.send("DELETE", "/api/orders/7", expired()), 405);
    // Also below a locator.
    assertFrameworkAnswered(app.get("/api/carts/5/items/9/nowhere", expired()), 404);
    assertFrameworkAnswered(app.send("DELETE", "/api/carts/5/items", expired()), 405);
  }

  @Test
  void aMediaTypeNoMethodProducesIsLeftToJersey() {
    assertFrameworkAnswered(expiredWith("GET", "/api/reports", "Accept", "text/html"), 406);
  }

  @Test
  void aLiveSessionReachesTheResources() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/api/orders/7", live), "get 7");
    assertHandlerRan(app.send("POST", "/api/orders/7", live), "post 7");
    assertHandlerRan(app.get("/api/orders/by-number/42", live), "numbered 42");
    assertHandlerRan(app.get("/api/orders/by-number/latest", live), "latest");
    assertHandlerRan(app.get("/api/profile", live), "profile");
    assertHandlerRan(app.get("/api/carts/5", live), "cart 5");
    assertHandlerRan(app.get("/api/carts/5/items", live), "items of 5");
    assertHandlerRan(app.get("/api/carts/5/items/9", live), "item 9 of 5");
    assertHandlerRan(app.get("/api/catalog", live), "catalog");
    assertHandlerRan(app.get("/api/catalog/abc", live), "item abc");
    assertHandlerRan(app.get("/api/tickets", live), "tickets");
    assertHandlerRan(app.get("/api/tickets/3", live), "ticket 3");
    assertHandlerRan(app.send(app.request("GET", "/api/reports").header("Cookie", live.header())
        .header("Accept", "text/csv")), "csv");
    assertHandlerRan(app.send(app.request("GET", "/api/reports").header("Cookie", live.header())
        .header("Accept", "application/json")), "{}");
    assertHandlerRan(app.send(withBody(app.request("POST", "/api/reports"), "text/plain", "figures")
        .header("Cookie", live.header())), "text upload");
    assertHandlerRan(app.send(withBody(app.request("POST", "/api/reports"), "application/json", "{}")
        .header("Cookie", live.header())), "json upload");
  }

  @Test
  void aResourceReportsAnExpiredCsrfTokenWithItsMethodsPolicy() {
    SessionCookie live = app.login();
    assertHandlerRan(app.send("POST", "/api/orders/7/confirm", live), "confirmed");
    HttpResponse<String> reported = app.send(app.request("POST", "/api/orders/7/confirm")
        .header("Cookie", live.header()).header("X-Csrf-Expired", "1").header("Accept", "application/json, text/plain"));
    assertEquals(400, reported.statusCode(), reported.body());
    assertTrue(reported.body().contains("\"title\":\"Form expired\""), reported.body());
  }

  @Test
  void aTokenExpiryReportedInFrontOfJerseyIsAnsweredWithThePolicyOfTheMethodJerseyMatches() {
    SessionCookie live = app.login();
    HttpResponse<String> reported = app.get("/api/tokens", live);
    assertExpiryAnswer(reported, 401, "WWW-Authenticate", "Bearer realm=\"tokens\", error=\"invalid_token\"");
    // send() returned false in the servlet filter, before Jersey had matched: the answer came from inside.
    assertEquals(Optional.of("false"), reported.headers().firstValue(BearerTokenFilter.SENT));
    assertHandlerRan(app.send(app.request("GET", "/api/tokens").header("Cookie", live.header())
        .header("Authorization", BearerTokenFilter.VALID)), "tokens");
  }
}
