package dev.expiry.tests.frameworks;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.frameworks.FrameworkApp.assertFrameworkAnswered;
import static dev.expiry.tests.frameworks.FrameworkApp.assertHandlerRan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.fixture.Container;
import dev.expiry.tests.fixture.RunningApp;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import dev.expiry.tests.spring.SpringDispatcher;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Spring MVC behind its {@code DispatcherServlet} as the default servlet ({@code /}), on Jetty:
 * the filter matches each expired request against the controllers' routes as Spring ranks them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringMvcTest {

  private RunningApp app;
  private SessionCookie expired;

  @BeforeAll
  void start() {
    app = Container.JETTY.serve(TestApp.at("/spring")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .servletInstance(SpringDispatcher.class, "/")
        .build());
    expired = FrameworkApp.expiredSession(app);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void aClassPolicyAnswersOnAPathVariable() {
    assertExpiryAnswer(app.get("/orders/7", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
  }

  @Test
  void aMethodPolicyAnswersOnTheSamePathWithAnotherMethod() {
    assertExpiryAnswer(app.send("POST", "/orders/7", expired), 401, "WWW-Authenticate",
        "OrdersPostScheme realm=\"orders\"");
  }

  @Test
  void headFollowsGet() {
    assertExpiryAnswer(app.send("HEAD", "/orders/7", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
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
  void unknownPathsAndMethodsAreLeftToSpring() {
    assertFrameworkAnswered(app.get("/nowhere", expired), 404);
    assertFrameworkAnswered(app.send("DELETE", "/orders/7", expired), 405);
  }

  @Test
  void aLiveSessionReachesTheControllers() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/orders/7", live), "get 7");
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
}
