package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;

import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.PlainServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Which sessions count as expired: any session id the container does not recognize. Requests
 * without one, or with a live one, reach the servlet.
 */
class SessionStateTest extends ContainerTest {

  private static final String CHALLENGE = "MyAuthScheme realm=\"http://example.com\"";

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void requestWithoutSessionCookieReachesTheServlet() {
    assertServletRan(app.send("GET", "/api/orders"), OrdersServlet.class);
  }

  @Test
  void requestWithLiveSessionReachesTheServlet() {
    SessionCookie session = app.login();

    assertServletRan(app.get("/api/orders", session), OrdersServlet.class);
    assertServletRan(app.send("POST", "/api/orders", session), OrdersServlet.class);
  }

  @Test
  void madeUpSessionIdCountsAsExpired() {
    assertExpiryAnswer(app.get("/api/orders", SessionCookie.madeUp("nonsense")),
        401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void loggedOutSessionCountsAsExpired() {
    SessionCookie session = app.login();
    assertServletRan(app.get("/api/orders", session), OrdersServlet.class);

    app.logout(session);

    assertExpiryAnswer(app.get("/api/orders", session), 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void sessionThatTimedOutCountsAsExpired() throws InterruptedException {
    SessionCookie session = app.login(1);
    assertServletRan(app.get("/api/orders", session), OrdersServlet.class);

    Thread.sleep(1500); // the only wait in the suite: lets the 1-second timeout really pass

    assertExpiryAnswer(app.get("/api/orders", session), 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void servletWithoutPolicyIsUntouchedByExpiredSession() {
    assertServletRan(app.get("/plain", loggedOutSession()), PlainServlet.class);
    assertServletRan(app.get("/plain", SessionCookie.madeUp("nonsense")), PlainServlet.class);
  }
}
