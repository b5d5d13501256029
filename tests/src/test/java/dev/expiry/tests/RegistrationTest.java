package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.expiry.runtime.ExpiryFilter;
import dev.expiry.runtime.ExpiryInitializer;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.RegisterTwiceListener;
import dev.expiry.tests.fixture.Browser;
import dev.expiry.tests.fixture.Container;
import dev.expiry.tests.fixture.OnEachContainer;
import dev.expiry.tests.fixture.RunningApp;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The ways an application wires Expiry in, each deployed on its own: the filter answers expired
 * sessions exactly when it is registered, and it is never registered twice.
 */
@OnEachContainer
class RegistrationTest {

  private static final SessionCookie EXPIRED = SessionCookie.madeUp("expired");
  private static final String CHALLENGE = "MyAuthScheme realm=\"http://example.com\"";

  @Parameter(0)
  Container container;

  private static TestApp.Builder orders() {
    return TestApp.at("")
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .servlet(OrdersServlet.class, "/api/orders/*");
  }

  @Test
  void initializerRegistersTheFilter() {
    try (RunningApp app = container.serve(orders().expiryInitializer().build())) {
      assertEquals(1, expiryFilters(app));
      assertExpiryAnswer(app.get("/api/orders", EXPIRED), 401, "WWW-Authenticate", CHALLENGE);
    }
  }

  @Test
  void initializerRegistersNothingWhenAutoRegisterIsFalse() {
    TestApp deployment = orders()
        .expiryInitializer()
        .initParameter(ExpiryInitializer.AUTO_REGISTER, "false")
        .build();
    try (RunningApp app = container.serve(deployment)) {
      assertEquals(0, expiryFilters(app));
      assertServletRan(app.get("/api/orders", EXPIRED), OrdersServlet.class);
    }
  }

  @Test
  void registeringTwiceBesideTheInitializerRegistersOneFilter() {
    TestApp deployment = orders().expiryInitializer().listener(RegisterTwiceListener.class).build();
    try (RunningApp app = container.serve(deployment)) {
      assertEquals(1, expiryFilters(app));
      assertExpiryAnswer(app.get("/api/orders", EXPIRED), 401, "WWW-Authenticate", CHALLENGE);
    }
  }

  @Test
  void registerFromListenerRegistersOneFilter() {
    try (RunningApp app = container.serve(orders().listener(RegisterTwiceListener.class).build())) {
      assertEquals(1, expiryFilters(app));
      assertExpiryAnswer(app.get("/api/orders", EXPIRED), 401, "WWW-Authenticate", CHALLENGE);
    }
  }

  @Test
  void filterAddedWithTheContainerApiWorks() {
    try (RunningApp app = container.serve(orders().expiryFilter().build())) {
      assertEquals(1, expiryFilters(app));
      assertExpiryAnswer(app.get("/api/orders", EXPIRED), 401, "WWW-Authenticate", CHALLENGE);
    }
  }

  @Test
  void withoutTheFilterExpiredSessionsReachTheServlet() {
    try (RunningApp app = container.serve(orders().build())) {
      assertEquals(0, expiryFilters(app));
      assertServletRan(app.get("/api/orders", EXPIRED), OrdersServlet.class);
    }
  }

  @Test
  void staleCookieIsKeptWhenClearStaleCookieIsFalse() {
    TestApp deployment = orders()
        .expiryInitializer()
        .initParameter("dev.expiry.clearStaleCookie", "false")
        .build();
    try (RunningApp app = container.serve(deployment)) {
      HttpResponse<String> expired = app.get("/api/orders", EXPIRED);

      assertExpiryAnswer(expired, 401, "WWW-Authenticate", CHALLENGE);
      assertEquals(List.of(), expired.headers().allValues("Set-Cookie"));

      // What the established frameworks do: a client with a cookie jar keeps presenting the
      // logged-out session and is told "expired" on every request, not once.
      Browser client = app.browser();
      client.login();
      client.logout();
      for (int i = 0; i < 3; i++) {
        assertExpiryAnswer(client.send(app.request("GET", "/api/orders")),
            401, "WWW-Authenticate", CHALLENGE);
      }
      assertEquals(1, client.sessionIds().size(), "the jar still holds the stale cookie");
    }
  }

  private static long expiryFilters(RunningApp app) {
    return app.servletContext().getFilterRegistrations().values().stream()
        .filter(registration -> ExpiryFilter.class.getName().equals(registration.getClassName()))
        .count();
  }
}
