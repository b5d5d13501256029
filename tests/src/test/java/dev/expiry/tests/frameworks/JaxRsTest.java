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
import dev.expiry.tests.jaxrs.JerseyServlet;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * JAX-RS on Jersey, its servlet mapped at {@code /api/*} (the application path), on Jetty: the
 * filter matches each expired request's path within that mapping against the resources' routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JaxRsTest {

  private RunningApp app;
  private SessionCookie expired;

  @BeforeAll
  void start() {
    app = Container.JETTY.serve(TestApp.at("/shop")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .servletInstance(JerseyServlet.class, "/api/*")
        .build());
    expired = FrameworkApp.expiredSession(app);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void aClassPolicyAnswersOnAPathVariable() {
    assertExpiryAnswer(app.get("/api/orders/7", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
    // JAX-RS ignores a trailing slash.
    assertExpiryAnswer(app.get("/api/orders/7/", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
  }

  @Test
  void aMethodPolicyAnswersOnTheSamePathWithAnotherMethod() {
    assertExpiryAnswer(app.send("POST", "/api/orders/7", expired), 401, "WWW-Authenticate",
        "OrdersPostScheme realm=\"orders\"");
  }

  @Test
  void headFollowsGet() {
    assertExpiryAnswer(app.send("HEAD", "/api/orders/7", expired), 401, "WWW-Authenticate",
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
    assertExpiryAnswer(app.get("/api/orders/7/status", expired), 401, "WWW-Authenticate", "ApiScheme realm=\"api\"");
    HttpResponse<String> page = app.send(app.request("GET", "/api/orders/7/status")
        .header("Cookie", expired.header()).header("Sec-Fetch-Mode", "navigate"));
    assertExpiryAnswer(page, 303, "Location", "/shop/login");
  }

  @Test
  void thePackageDefaultCoversAResourceWithoutItsOwn() {
    SessionCookie session = app.login();
    app.logout(session);
    assertExpiryAnswer(app.get("/api/profile", session), 401, "WWW-Authenticate", "PackageScheme realm=\"jaxrs\"");
  }

  @Test
  void anUnannotatedResourceRuns() {
    assertHandlerRan(app.get("/api/plain", expired), "plain");
  }

  @Test
  void unknownPathsAndMethodsAreLeftToJersey() {
    assertFrameworkAnswered(app.get("/api/nowhere", expired), 404);
    assertFrameworkAnswered(app.send("DELETE", "/api/orders/7", expired), 405);
  }

  @Test
  void aLiveSessionReachesTheResources() {
    SessionCookie live = app.login();
    assertHandlerRan(app.get("/api/orders/7", live), "get 7");
    assertHandlerRan(app.send("POST", "/api/orders/7", live), "post 7");
    assertHandlerRan(app.get("/api/orders/by-number/42", live), "numbered 42");
    assertHandlerRan(app.get("/api/profile", live), "profile");
  }

  @Test
  void aResourceReportsAnExpiredCsrfTokenWithTheRoutesPolicy() {
    SessionCookie live = app.login();
    assertHandlerRan(app.send("POST", "/api/orders/7/confirm", live), "confirmed");
    HttpResponse<String> reported = app.send(app.request("POST", "/api/orders/7/confirm")
        .header("Cookie", live.header()).header("X-Csrf-Expired", "1").header("Accept", "application/json, text/plain"));
    assertEquals(400, reported.statusCode(), reported.body());
    assertTrue(reported.body().contains("\"title\":\"Form expired\""), reported.body());
  }
}
