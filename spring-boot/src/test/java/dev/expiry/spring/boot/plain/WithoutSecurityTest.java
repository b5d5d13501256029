package dev.expiry.spring.boot.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.spring.boot.Http;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An application without Spring Security and without Spring Session on its class path (this test
 * runs in its own Surefire execution that leaves them out): the starter registers ExpiryFilter as
 * a servlet filter, and an expired session gets the endpoint's policy over real HTTP.
 */
@Tag("without-security")
@SpringBootTest(classes = PlainApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WithoutSecurityTest {

  @LocalServerPort
  int port;

  @Test
  void neitherSpringSecurityNorSpringSessionIsOnTheClassPath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.springframework.security.web.SecurityFilterChain"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.springframework.session.Session"));
  }

  @Test
  void anExpiredSessionGetsThePoliciesOverHttp() {
    Http http = new Http(port);
    HttpResponse<String> page = http.navigate("/orders", "JSESSIONID=expired");
    assertEquals(303, page.statusCode(), page::body);
    assertEquals(Optional.of("/login"), page.headers().firstValue("Location"));
    assertTrue(Http.setCookies(page).stream().anyMatch(c -> c.startsWith("JSESSIONID=;") && c.contains("Max-Age=0")),
        () -> "stale cookie deleted: " + Http.setCookies(page));

    HttpResponse<String> api = http.fetch("/orders", "JSESSIONID=expired");
    assertEquals(401, api.statusCode(), api::body);
    assertEquals(Optional.of("Session realm=\"plain\""), api.headers().firstValue("WWW-Authenticate"));
    assertEquals(Optional.of("application/problem+json"), api.headers().firstValue("Content-Type"));
    assertTrue(api.body().contains("\"status\":401"), api::body);
  }

  @Test
  void validSessionsAndEndpointsWithoutPolicyPassThrough() {
    Http http = new Http(port);
    String id = http.navigate("/session", null).body();
    HttpResponse<String> valid = http.fetch("/orders", "JSESSIONID=" + id);
    assertEquals(200, valid.statusCode());
    assertEquals("orders", valid.body());
    assertEquals(List.of(), Http.setCookies(valid));

    HttpResponse<String> free = http.fetch("/free", "JSESSIONID=expired");
    assertEquals(200, free.statusCode());
    assertEquals("free", free.body());
  }
}
