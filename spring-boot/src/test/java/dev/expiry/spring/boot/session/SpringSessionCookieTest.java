package dev.expiry.spring.boot.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.spring.boot.Http;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.MapSessionRepository;

/**
 * With Spring Session, Expiry runs after its SessionRepositoryFilter, so it sees the sessions
 * Spring Session manages, and deletes the stale {@code SESSION} cookie as Spring Session's
 * CookieSerializer writes it, not the container's {@code JSESSIONID}.
 */
@SpringBootTest(classes = SessionApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.servlet.session.cookie.path=/")
class SpringSessionCookieTest {

  @LocalServerPort
  int port;

  @Autowired
  MapSessionRepository sessions;

  @Test
  void aSessionThatSpringSessionExpiredGetsThePolicyAndLosesItsCookie() throws InterruptedException {
    Http http = new Http(port);
    HttpResponse<String> started = http.fetch("/session", null);
    String cookie = Http.setCookies(started).stream().filter(c -> c.startsWith("SESSION=")).findFirst()
        .orElseThrow(() -> new AssertionError("no SESSION cookie: " + Http.setCookies(started)));
    String pair = cookie.substring(0, cookie.indexOf(';'));
    assertEquals(200, http.fetch("/api/cart", pair).statusCode(), "the session is valid");

    // Spring Session's cookie carries the session id Base64-encoded.
    String id = new String(Base64.getDecoder().decode(pair.substring("SESSION=".length())), StandardCharsets.UTF_8);
    assertNotNull(sessions.findById(id), "Spring Session holds the session");
    Thread.sleep(1_200); // the session's maxInactiveInterval is one second
    assertNull(sessions.findById(id), "Spring Session expired the session");

    HttpResponse<String> expired = http.fetch("/api/cart", pair);
    assertEquals(401, expired.statusCode(), expired::body);
    assertEquals(Optional.of("Session realm=\"spring-session\""), expired.headers().firstValue("WWW-Authenticate"));
    List<String> deletions = Http.setCookies(expired);
    assertEquals(1, deletions.size(), deletions::toString);
    String deletion = deletions.get(0);
    assertTrue(deletion.startsWith("SESSION=;"), deletion);
    assertTrue(deletion.contains("Max-Age=0"), deletion);
    assertTrue(deletion.contains("Path=/"), deletion);
    assertTrue(deletion.contains("HttpOnly"), deletion);
    assertTrue(deletion.contains("SameSite=Lax"), deletion);
  }

  @Test
  void aRequestWithoutTheCookieIsLeftAlone() {
    Http http = new Http(port);
    HttpResponse<String> none = http.fetch("/api/cart", null);
    assertEquals(200, none.statusCode());
    assertEquals(List.of(), Http.setCookies(none));
  }
}
