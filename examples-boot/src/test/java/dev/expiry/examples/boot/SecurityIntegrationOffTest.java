package dev.expiry.examples.boot;

import static dev.expiry.examples.boot.ShopClient.describe;
import static dev.expiry.examples.boot.ShopClient.setCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * {@code expiry.security.enabled=false} and {@code expiry.clear-stale-cookie=false}: Spring
 * Security's chains are left as they are, Expiry answers from a servlet filter ahead of them
 * (without Spring Security's headers), and the stale cookie stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"expiry.security.enabled=false", "expiry.clear-stale-cookie=false"})
@Import(ShopOnTomcatTest.OnTomcat.class)
class SecurityIntegrationOffTest {

  @LocalServerPort
  int port;

  @Test
  void expiredSessionsStillGetThePolicyFromTheServletFilter() {
    ShopClient client = new ShopClient(port);
    client.login("alice");
    client.invalidateSession();
    HttpResponse<String> page = client.navigate("/orders");
    assertEquals(303, page.statusCode(), () -> describe(page));
    assertEquals(Optional.of("/login"), page.headers().firstValue("Location"));
    assertEquals(Optional.empty(), page.headers().firstValue("X-Frame-Options"), "ahead of Spring Security");
    assertTrue(setCookies(page).isEmpty(), () -> "the stale cookie stays: " + describe(page));
  }

  @Test
  void aStaleCsrfTokenGetsSpringSecuritysOwn403() {
    ShopClient client = new ShopClient(port);
    client.login("alice");
    String token = ShopClient.csrf(client.navigate("/address"));
    HttpResponse<String> stale = client.submit("/address", Map.of("street", "Main St", "_csrf", "stale" + token));
    assertEquals(403, stale.statusCode(), () -> describe(stale));
    assertFalse(stale.body().contains("Form expired"), () -> describe(stale));
  }
}
