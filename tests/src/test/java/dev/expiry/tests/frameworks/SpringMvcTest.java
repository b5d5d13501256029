package dev.expiry.tests.frameworks;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.frameworks.FrameworkApp.assertFrameworkAnswered;
import static dev.expiry.tests.frameworks.FrameworkApp.assertHandlerRan;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.AttributeNamesFilter;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import dev.expiry.tests.spring.SpringDispatcher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Spring MVC behind its {@code DispatcherServlet} as the default servlet ({@code /}): for each
 * expired request, the policy of the handler method Spring itself dispatches it to answers, as
 * Spring's handler mappings decide it. Each case is checked against what Spring runs for the same
 * request with a live session.
 */
class SpringMvcTest extends ContainerTest {

  private SessionCookie expired;

  @Override
  protected TestApp deployment() {
    return TestApp.at("/spring")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .servletInstance(SpringDispatcher.class, "/")
        .filter(AttributeNamesFilter.class, "/*")
        .build();
  }

  @BeforeParameterizedClassInvocation
  void expireASession() {
    expired = FrameworkApp.expiredSession(app);
  }

  @Test
  void aClassPolicyAnswersOnAPathVariable() {
    assertExpiryAnswer(app.get("/orders/42", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
  }

  @Test
  void aMethodPolicyAnswersOnTheSamePathWithAnotherMethod() {
    assertExpiryAnswer(app.send("POST", "/orders/7", expired), 401, "WWW-Authenticate",
        "OrdersPostScheme realm=\"orders\"");
  }

  @Test
  void headFollowsGet() {
    assertExpiryAnswer(app.send("HEAD", "/orders/42", expired), 401, "WWW-Authenticate",
        "OrdersScheme realm=\"orders\"");
    assertExpiryAnswer(app.send("HEAD", "/orders/7", expired), 401, "WWW-Authenticate",
        "SingleCharScheme realm=\"orders\"");
  }

  @Test
  void aOneCharacterWildcardWinsOverAPathVariableAsInSpring() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/orders/7", live), "single");
    assertHandlerRan(app.get("/orders/42", live), "get 42");
    assertExpiryAnswer(app.get("/orders/7", expired), 401, "WWW-Authenticate", "SingleCharScheme realm=\"orders\"");
    assertExpiryAnswer(app.get("/orders/42", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
  }

  @Test
  void aRegexTemplateMatchesWhatItsPatternMatchesAndALiteralWinsOverIt() {
    SessionCookie madeUp = SessionCookie.madeUp("made-up");
    assertExpiryAnswer(app.get("/orders/by-number/42", madeUp), 401, "WWW-Authenticate",
        "NumberedScheme realm=\"orders\"");
    assertExpiryAnswer(app.get("/orders/by-number/latest", madeUp), 401, "WWW-Authenticate",
        "OrdersScheme realm=\"orders\"");
    assertFrameworkAnswered(app.get("/orders/by-number/abc", madeUp), 404);
  }

  @Test
  void aCatchAllMatchesTheRestOfThePath() {
    assertExpiryAnswer(app.get("/orders/files/a/b/c.txt", expired), 401, "WWW-Authenticate",
        "OrdersScheme realm=\"orders\"");
  }

  @Test
  void aTrailingWildcardMatchesAnEmptyLastSegmentAsInSpring() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/a/", live), "star");
    assertHandlerRan(app.get("/a/b", live), "star");
    assertFrameworkAnswered(app.get("/a", live), 404);

    assertExpiryAnswer(app.get("/a/", expired), 401, "WWW-Authenticate", "StarScheme realm=\"paths\"");
    assertExpiryAnswer(app.get("/a/b", expired), 401, "WWW-Authenticate", "StarScheme realm=\"paths\"");
    assertFrameworkAnswered(app.get("/a", expired), 404);
  }

  @Test
  void aParamsConditionPicksTheHandler() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/report?mode=x", live), "report x");
    assertHandlerRan(app.get("/report?mode=y", live), "report");

    assertExpiryAnswer(app.get("/report?mode=x", expired), 401, "WWW-Authenticate", "ModeXScheme realm=\"reports\"");
    assertExpiryAnswer(app.get("/report?mode=y", expired), 401, "WWW-Authenticate", "ReportScheme realm=\"reports\"");
    assertExpiryAnswer(app.get("/report", expired), 401, "WWW-Authenticate", "ReportScheme realm=\"reports\"");
  }

  @Test
  void aHeadersConditionPicksTheHandler() {
    SessionCookie live = app.login();
    assertHandlerRan(app.send(feed("compact", live)), "compact feed");
    assertHandlerRan(app.send(feed("full", live)), "feed");

    assertExpiryAnswer(app.send(feed("compact", expired)), 401, "WWW-Authenticate", "CompactFeedScheme realm=\"feeds\"");
    assertExpiryAnswer(app.send(feed("full", expired)), 401, "WWW-Authenticate", "FeedScheme realm=\"feeds\"");
    assertExpiryAnswer(app.get("/feed", expired), 401, "WWW-Authenticate", "FeedScheme realm=\"feeds\"");
  }

  @Test
  void aConsumesConditionPicksTheHandlerAndAnUnsupportedTypeIsSpringsOwn415() {
    SessionCookie live = app.login();
    assertHandlerRan(app.send(upload("application/json", live)), "json upload");
    assertHandlerRan(app.send(upload("text/plain", live)), "text upload");

    assertExpiryAnswer(app.send(upload("application/json", expired)), 401, "WWW-Authenticate",
        "JsonUploadScheme realm=\"uploads\"");
    assertExpiryAnswer(app.send(upload("text/plain;charset=UTF-8", expired)), 401, "WWW-Authenticate",
        "TextUploadScheme realm=\"uploads\"");
    assertFrameworkAnswered(app.send(upload("application/xml", expired)), 415);
  }

  @Test
  void aProducesConditionPicksTheHandlerAndAnUnacceptableTypeIsSpringsOwn406() {
    SessionCookie live = app.login();
    assertHandlerRan(app.send(document("application/json", live)), "{\"document\":1}");
    assertHandlerRan(app.send(document("text/csv", live)), "document,1");

    assertExpiryAnswer(app.send(document("application/json", expired)), 401, "WWW-Authenticate",
        "JsonDocumentScheme realm=\"documents\"");
    assertChallenged(app.send(document("text/csv", expired)), "CsvDocumentScheme realm=\"documents\"");
    assertFrameworkAnswered(app.send(document("image/png", expired)), 406);
  }

  @Test
  void aComposedMappingWithAnAliasForPathAnswersWithItsHandlersPolicy() {
    SessionCookie live = app.login();
    assertHandlerRan(app.send(app.request("GET", "/x").header("Cookie", live.header())
        .header("Accept", "application/json")), "{\"x\":1}");

    assertExpiryAnswer(app.send(app.request("GET", "/x").header("Cookie", expired.header())
        .header("Accept", "application/json")), 401, "WWW-Authenticate", "JsonScheme realm=\"json\"");
    // Its produces = "application/json" counts too, because Spring applies it.
    assertFrameworkAnswered(app.send(app.request("GET", "/x").header("Cookie", expired.header())
        .header("Accept", "text/csv")), 406);
    assertFrameworkAnswered(app.send("POST", "/x", expired), 405);
  }

  @Test
  void anInheritedHandlerMethodAnswersWithThePolicyOfTheControllerSpringRuns() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/books/1", live), "book 1");
    assertHandlerRan(app.get("/films/1", live), "film 1");

    assertExpiryAnswer(app.get("/books/1", expired), 401, "WWW-Authenticate", "BooksScheme realm=\"items\"");
    assertExpiryAnswer(app.get("/films/1", expired), 401, "WWW-Authenticate", "FilmsScheme realm=\"items\"");
  }

  @Test
  void aMappingDeclaredOnAnInterfaceAnswersWithTheImplementingControllersPolicy() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/catalog/3", live), "entry 3");

    assertExpiryAnswer(app.get("/catalog/3", expired), 401, "WWW-Authenticate", "CatalogScheme realm=\"catalog\"");
  }

  @Test
  void aComposedPolicyAnswersEachKindOfClient() {
    assertExpiryAnswer(app.get("/account", expired), 401, "WWW-Authenticate", "ApiScheme realm=\"api\"");
    HttpResponse<String> page = app.send(app.request("GET", "/account")
        .header("Cookie", expired.header()).header("Sec-Fetch-Mode", "navigate"));
    assertExpiryAnswer(page, 303, "Location", "/spring/login");
  }

  @Test
  void thePackageDefaultCoversAControllerWithoutItsOwn() {
    SessionCookie session = app.login();
    app.logout(session);
    assertExpiryAnswer(app.get("/profile", session), 401, "WWW-Authenticate", "PackageScheme realm=\"spring\"");
  }

  @Test
  void anUnannotatedHandlerRunsAlsoWhereALessSpecificRouteHasAPolicy() {
    assertHandlerRan(app.get("/plain", expired), "plain");
    assertHandlerRan(app.get("/orders/special", expired), "special");
  }

  @Test
  void anExpiredRequestPassedOnReachesSpringAsItCameAndWithoutASession() {
    HttpResponse<String> withoutSession = app.send("GET", "/plain");
    HttpResponse<String> passedOn = app.get("/plain", expired);
    assertHandlerRan(passedOn, "plain");
    assertEquals(withoutSession.headers().allValues(AttributeNamesFilter.HEADER),
        passedOn.headers().allValues(AttributeNamesFilter.HEADER), "attributes after the lookup");
    assertEquals(List.of(), passedOn.headers().allValues("Set-Cookie"), "Set-Cookie");
  }

  @Test
  void unknownPathsAndMethodsAreLeftToSpring() {
    SessionCookie live = app.login();
    assertFrameworkAnswered(app.get("/nowhere", live), 404);
    assertFrameworkAnswered(app.get("/nowhere", expired), 404);
    assertFrameworkAnswered(app.send("DELETE", "/orders/7", expired), 405);
  }

  @Test
  void aLiveSessionReachesTheControllers() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/orders/42", live), "get 42");
    assertHandlerRan(app.send("POST", "/orders/7", live), "post 7");
    assertHandlerRan(app.get("/orders/by-number/42", live), "numbered 42");
    assertHandlerRan(app.get("/account", live), "account");
  }

  @Test
  void aControllerReportsAnExpiredCsrfTokenWithTheRoutesPolicy() {
    SessionCookie live = app.login();
    assertHandlerRan(app.send("POST", "/orders/7/confirm", live), "confirmed");
    HttpResponse<String> reported = app.send(app.request("POST", "/orders/7/confirm")
        .header("Cookie", live.header()).header("X-Csrf-Expired", "1").header("Accept", "application/json"));
    assertEquals(400, reported.statusCode(), reported.body());
    assertTrue(reported.body().contains("\"title\":\"Form expired\""), reported.body());
    assertEquals("application/problem+json", reported.headers().firstValue("Content-Type").orElse(""));
  }

  private HttpRequest.Builder upload(String contentType, SessionCookie session) {
    return app.request("POST", "/upload")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", contentType)
        .header("Cookie", session.header());
  }

  private HttpRequest.Builder feed(String kind, SessionCookie session) {
    return app.request("GET", "/feed").header("X-Feed", kind).header("Cookie", session.header());
  }

  private HttpRequest.Builder document(String accept, SessionCookie session) {
    return app.request("GET", "/document").header("Accept", accept).header("Cookie", session.header());
  }

  /**
   * Asserts the policy's status and challenge on a client that reads neither JSON nor HTML, whose
   * body is plain text.
   */
  private static void assertChallenged(HttpResponse<String> response, String challenge) {
    assertAll(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
            + response.headers().map() + " " + response.body(),
        () -> assertEquals(401, response.statusCode(), "status"),
        () -> assertEquals(List.of(challenge), response.headers().allValues("WWW-Authenticate"), "WWW-Authenticate"),
        () -> assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"), "Cache-Control"),
        () -> assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
            "Content-Type"));
  }
}
