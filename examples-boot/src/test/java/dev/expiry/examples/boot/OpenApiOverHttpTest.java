package dev.expiry.examples.boot;

import static dev.expiry.examples.boot.PolicyReportOverHttpTest.Json.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.examples.boot.PolicyReportOverHttpTest.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * springdoc-openapi's {@code /v3/api-docs} of the running shop on Tomcat, over HTTP: the
 * operations of endpoints with policies carry Expiry's answers as responses, with their headers
 * and the problem schema; an operation without a policy has none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ShopOnTomcatTest.OnTomcat.class)
class OpenApiOverHttpTest {

  private static final String PROBLEM = "#/components/schemas/ExpiryProblem";

  @LocalServerPort
  int port;

  Map<String, Object> document;

  @BeforeEach
  void document() {
    document = Json.get(new ShopClient(port), "/v3/api-docs");
  }

  @Test
  void theOrdersApiHasTheSessionPolicysRedirectAndChallenge() {
    Map<String, Object> responses = responses("/api/orders", "get");
    assertEquals(List.of("200", "303", "401"), List.copyOf(responses.keySet()));

    Map<String, Object> redirect = map(responses.get("303"));
    assertEquals("The session has expired (browser: redirected to `/login`)", redirect.get("description"));
    assertEquals("/login", map(map(redirect.get("headers")).get("Location")).get("example"));

    Map<String, Object> unauthorized = map(responses.get("401"));
    assertEquals("The session has expired (script or API client: problem \"Session expired\","
        + " WWW-Authenticate: `Session realm=\"shop\"`)", unauthorized.get("description"));
    assertEquals("Session realm=\"shop\"", map(map(unauthorized.get("headers")).get("WWW-Authenticate")).get("example"));
    Map<String, Object> problem = map(map(unauthorized.get("content")).get("application/problem+json"));
    assertEquals(PROBLEM, map(problem.get("schema")).get("$ref"));
    Map<String, Object> example = map(problem.get("example"));
    assertEquals(401, ((Number) example.get("status")).intValue());
    assertEquals("/api/orders", example.get("instance"));
  }

  @Test
  void theProblemSchemaIsAComponent() {
    Map<String, Object> schema = map(map(map(document.get("components")).get("schemas")).get("ExpiryProblem"));
    assertEquals(List.of("type", "title", "status", "detail", "instance", "login"),
        List.copyOf(map(schema.get("properties")).keySet()));
  }

  @Test
  void theStockApiHasItsAccessTokenChallengeAndNoRedirect() {
    Map<String, Object> responses = responses("/api/stock", "get");
    assertFalse(responses.containsKey("303"), responses::toString);
    Map<String, Object> unauthorized = map(responses.get("401"));
    assertTrue(String.valueOf(unauthorized.get("description")).contains("The access token has expired (script or API"
        + " client:"), unauthorized::toString);
    assertEquals("Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The access token expired\"",
        map(map(unauthorized.get("headers")).get("WWW-Authenticate")).get("example"));
    assertEquals(PROBLEM, map(map(map(unauthorized.get("content")).get("application/problem+json")).get("schema"))
        .get("$ref"));
  }

  @Test
  void theAddressFormHasItsCsrfAnswerBesideTheSessionPolicy() {
    Map<String, Object> responses = responses("/address", "post");
    assertTrue(responses.keySet().containsAll(List.of("303", "401", "403")), responses::toString);
    Map<String, Object> forbidden = map(responses.get("403"));
    assertTrue(String.valueOf(forbidden.get("description")).contains("The CSRF token is no longer valid (browser:"),
        forbidden::toString);
    assertTrue(map(forbidden.get("content")).keySet().containsAll(List.of("application/problem+json", "text/html")),
        forbidden::toString);
  }

  @Test
  void aPageWithoutAPolicyHasNoneOfExpirysResponses() {
    assertEquals(List.of("200"), List.copyOf(responses("/reports", "get").keySet()));
  }

  @Test
  void swaggerUiServesTheDocument() {
    ShopClient client = new ShopClient(port);
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(client.uri("/swagger-ui/index.html")).GET());
    assertEquals(200, page.statusCode(), () -> ShopClient.describe(page));
    HttpResponse<String> config = client.send(HttpRequest.newBuilder(client.uri("/v3/api-docs/swagger-config")).GET());
    assertTrue(config.body().contains("\"/v3/api-docs\""), () -> ShopClient.describe(config));
  }

  private Map<String, Object> responses(String path, String method) {
    Map<String, Object> operation = map(map(map(document.get("paths")).get(path)).get(method));
    return map(operation.get("responses"));
  }
}
