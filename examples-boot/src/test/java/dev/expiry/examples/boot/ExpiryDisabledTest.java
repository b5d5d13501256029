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

/** {@code expiry.enabled=false}: the shop answers as Spring Security alone does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "expiry.enabled=false")
@Import(ShopOnTomcatTest.OnTomcat.class)
class ExpiryDisabledTest {

  @LocalServerPort
  int port;

  @Test
  void expiredSessionsGetSpringSecuritysRedirectPagesAndScriptsAlike() {
    ShopClient client = new ShopClient(port);
    client.login("alice");
    client.invalidateSession();
    HttpResponse<String> page = client.navigate("/orders");
    assertEquals(302, page.statusCode(), () -> describe(page));
    HttpResponse<String> api = client.fetch("/api/orders");
    assertEquals(302, api.statusCode(), () -> describe(api));
    assertEquals(Optional.empty(), api.headers().firstValue("WWW-Authenticate"));
  }
}
