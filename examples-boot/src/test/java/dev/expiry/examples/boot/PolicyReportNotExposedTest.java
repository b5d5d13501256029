package dev.expiry.examples.boot;

import static dev.expiry.examples.boot.ShopClient.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Without {@code expiry} in {@code management.endpoints.web.exposure.include} there is no {@code
 * /actuator/expiry}, as for every Actuator endpoint: the example's security chain permits the
 * path, and it is a 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.endpoints.web.exposure.include=health")
@Import(ShopOnTomcatTest.OnTomcat.class)
class PolicyReportNotExposedTest {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Test
  void theEndpointIsNotThere() {
    ShopClient client = new ShopClient(port);
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("/actuator/expiry")).GET()
        .header("Accept", "application/json"));
    assertEquals(404, response.statusCode(), () -> describe(response));
    assertEquals(0, context.getBeanNamesForType(dev.expiry.spring.boot.report.ExpiryEndpoint.class).length);
  }
}
