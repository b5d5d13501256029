package dev.expiry.examples.boot;

import static dev.expiry.examples.boot.ShopClient.describe;
import static dev.expiry.examples.boot.ShopClient.setCookies;
import static dev.expiry.examples.boot.ShopOnSpringSessionTest.assertDeletesSpringSessionsCookie;
import static dev.expiry.examples.boot.ShopOnSpringSessionTest.id;
import static dev.expiry.examples.boot.ShopOverHttpTest.assertCarriesSpringSecuritysHeaders;
import static dev.expiry.examples.boot.ShopOverHttpTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a cluster of two shops on one Spring Session store must do, whichever node a request lands
 * on: a session created on one node is valid on the other (the controller runs, no session is
 * created); a session that timed out, or that a logout on one node ended, gets the declared
 * answers on both nodes — {@code 303} to the login page for a browser, {@code 401} with the
 * challenge for a script — and loses its {@code SESSION} cookie; and no answer creates a session
 * in the store. Each subclass runs the nodes on a real store.
 */
abstract class ClusterScenarios {

  /** The two nodes: the one the user logs in on, and the other. */
  abstract ShopNode[] nodes();

  private ShopNode nodeA() {
    return nodes()[0];
  }

  private ShopNode nodeB() {
    return nodes()[1];
  }

  /** Whether the store holds the session with this id. */
  abstract boolean stored(String sessionId);

  /** How many sessions the store has ever created, counted by the store itself. */
  abstract long created();

  @Test
  void aSessionCreatedOnOneNodeIsValidOnTheOther() {
    ShopClient onA = new ShopClient(nodeA().port());
    ShopClient onB = onA.at(nodeB().port());
    long before = created();
    onA.login("alice");
    String cookie = onA.cookie("SESSION");
    assertNotNull(cookie, "Spring Session's cookie");
    assertTrue(stored(id(cookie)), "the session is in the store");
    long created = created();
    assertEquals(before + 1, created, "the login created one session, and the store counted it");

    HttpResponse<String> api = onB.fetch("/api/orders");
    assertEquals(200, api.statusCode(), () -> describe(api));
    assertTrue(api.body().contains("Teapot"), () -> "the controller ran: " + describe(api));
    assertTrue(setCookies(api).isEmpty(), () -> describe(api));
    HttpResponse<String> page = onB.navigate("/orders");
    assertEquals(200, page.statusCode(), () -> describe(page));
    assertTrue(page.body().contains("Orders of alice"), () -> describe(page));
    HttpResponse<String> back = onA.fetch("/api/orders");
    assertEquals(200, back.statusCode(), () -> describe(back));

    assertEquals(cookie, onB.cookie("SESSION"), "the same session throughout");
    assertEquals(created, created(), "requests with a valid session create no session");
  }

  @Test
  void aSessionThatTimedOutGetsTheDeclaredAnswersOnBothNodes() throws InterruptedException {
    ShopClient onA = new ShopClient(nodeA().port());
    ShopClient onB = onA.at(nodeB().port());
    onA.login("bob");
    String cookie = onA.cookie("SESSION");
    assertEquals(200, onB.fetch("/api/orders").statusCode(), "valid on B");
    // Spring Session's maxInactiveInterval, set on B, kept in the store for both nodes.
    assertEquals(200, onB.fetch("/test/session/timeout").statusCode());
    Thread.sleep(2_000);
    long created = created();

    assertExpiredAnswers(onA, onB, cookie);
    assertFalse(stored(id(cookie)), "the expired session is gone from the store");
    assertEquals(created, created(), "Expiry created no session");
  }

  @Test
  void aSessionEndedByALogoutOnOneNodeGetsTheDeclaredAnswersOnTheOther() {
    ShopClient onA = new ShopClient(nodeA().port());
    ShopClient onB = onA.at(nodeB().port());
    onA.login("alice");
    String cookie = onA.cookie("SESSION");
    assertEquals(200, onB.fetch("/api/orders").statusCode(), "valid on B");
    onA.logout();
    assertFalse(stored(id(cookie)), "the logout removed the session from the store");
    long created = created();

    assertExpiredAnswers(onB, onA, cookie);
    assertEquals(created, created(), "Expiry created no session");
  }

  /**
   * A script and a browser on each node, each time with the stale cookie the browser (or another
   * tab of it) still sends: the declared answer, and the cookie deleted.
   */
  private static void assertExpiredAnswers(ShopClient first, ShopClient second, String staleCookie) {
    for (ShopClient client : new ShopClient[] {second, first}) {
      client.keepCookie("SESSION", staleCookie);
      HttpResponse<String> script = client.fetch("/api/orders");
      assertEquals(401, script.statusCode(), () -> describe(script));
      assertEquals(Optional.of("Session realm=\"shop\""), script.headers().firstValue("WWW-Authenticate"));
      assertEquals("Session expired", problem(script).get("title"));
      assertCarriesSpringSecuritysHeaders(script);
      assertDeletesSpringSessionsCookie(script);
      assertNull(client.cookie("SESSION"), () -> "the browser dropped the stale cookie: " + describe(script));

      client.keepCookie("SESSION", staleCookie);
      HttpResponse<String> page = client.navigate("/orders");
      assertEquals(303, page.statusCode(), () -> describe(page));
      assertEquals(Optional.of("/login"), page.headers().firstValue("Location"));
      assertCarriesSpringSecuritysHeaders(page);
      assertDeletesSpringSessionsCookie(page);
      assertNull(client.cookie("SESSION"), () -> "the browser dropped the stale cookie: " + describe(page));
    }
  }
}
