package dev.expiry.tests.frameworks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.expiry.tests.fixture.RunningApp;
import dev.expiry.tests.fixture.SessionCookie;
import java.net.http.HttpResponse;
import java.util.List;

/** What the framework tests share: a session that really expired, and what "the handler ran" means. */
final class FrameworkApp {

  private FrameworkApp() {}

  /**
   * Logs in with a session that times out after one second and waits until it has: the container
   * then no longer recognizes its id, exactly as after a real timeout.
   */
  static SessionCookie expiredSession(RunningApp app) {
    SessionCookie session = app.login(1);
    try {
      Thread.sleep(1_300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return session;
  }

  /** Asserts that the framework's handler answered with this body, and Expiry stayed out of it. */
  static void assertHandlerRan(HttpResponse<String> response, String body) {
    assertAll(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
            + response.headers().map() + " " + response.body(),
        () -> assertEquals(200, response.statusCode(), "status"),
        () -> assertEquals(body, response.body(), "body"),
        () -> assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"), "WWW-Authenticate"));
  }

  /** Asserts that the framework itself answered with this status (404, 405), not Expiry. */
  static void assertFrameworkAnswered(HttpResponse<String> response, int status) {
    assertAll(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
            + response.headers().map() + " " + response.body(),
        () -> assertEquals(status, response.statusCode(), "status"),
        () -> assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"), "WWW-Authenticate"),
        () -> assertEquals(List.of(), response.headers().allValues("Cache-Control").stream()
            .filter("no-store"::equals).toList(), "Cache-Control"));
  }
}
