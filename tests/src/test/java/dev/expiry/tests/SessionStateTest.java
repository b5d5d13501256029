package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static dev.expiry.tests.fixture.ExpiryAssertions.isSessionCookieDeletion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.PlainServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
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

    Thread.sleep(1500); // lets the 1-second timeout really pass

    assertExpiryAnswer(app.get("/api/orders", session), 401, "WWW-Authenticate", CHALLENGE);
  }

  @Test
  void expiryAnswerDeletesTheStaleSessionCookieWhereTheContainerSetIt() {
    HttpResponse<String> login = app.send("POST", "/login");
    SessionCookie session = SessionCookie.madeUp(sessionId(login));
    app.logout(session);

    HttpResponse<String> expired = app.get("/api/orders", session);

    assertExpiryAnswer(expired, 401, "WWW-Authenticate", CHALLENGE);
    List<String> setCookies = expired.headers().allValues("Set-Cookie");
    assertEquals(1, setCookies.size(), () -> describe(expired));
    assertTrue(isSessionCookieDeletion(setCookies.get(0)), setCookies::toString);
    assertEquals(path(login.headers().firstValue("Set-Cookie").orElseThrow()),
        path(setCookies.get(0)), "the deletion must name the path the session cookie was set for");
  }

  @Test
  void sessionIdFromThePathIsNotAnsweredWithACookie() {
    HttpResponse<String> expired = app.send("GET", "/api/orders;jsessionid=nonsense");

    assertExpiryAnswer(expired, 401, "WWW-Authenticate", CHALLENGE);
    assertEquals(List.of(), expired.headers().allValues("Set-Cookie"));
  }

  @Test
  void servletWithoutPolicyIsUntouchedByExpiredSession() {
    assertServletRan(app.get("/plain", loggedOutSession()), PlainServlet.class);
    assertServletRan(app.get("/plain", SessionCookie.madeUp("nonsense")), PlainServlet.class);
  }

  private static String sessionId(HttpResponse<String> login) {
    return HttpCookie.parse(login.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue();
  }

  /** The {@code Path} attribute of a {@code Set-Cookie} value. */
  private static String path(String setCookie) {
    return HttpCookie.parse(setCookie).get(0).getPath();
  }
}
