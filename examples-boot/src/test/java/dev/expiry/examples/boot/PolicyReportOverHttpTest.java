package dev.expiry.examples.boot;

import static dev.expiry.examples.boot.ShopClient.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * {@code /actuator/expiry} of the running shop on Tomcat, over HTTP: the merged policy reports of
 * the shop's class path, as its processor wrote them at build time. The example exposes the
 * endpoint ({@code management.endpoints.web.exposure.include}) and its security chain permits it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ShopOnTomcatTest.OnTomcat.class)
class PolicyReportOverHttpTest {

  static final String SHOP = "dev.expiry.examples.boot.shop";

  @LocalServerPort
  int port;

  @Test
  void theClientScriptIsServedToAnyone() {
    ShopClient client = new ShopClient(port);
    HttpResponse<String> script = client.send(HttpRequest.newBuilder(client.uri("/expiry/expiry.js"))
        .header("Cookie", "SESSION=expired"));

    assertEquals(200, script.statusCode(), () -> describe(script));
    assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), () -> describe(script));
    assertTrue(script.body().startsWith("/*\n * expiry.js"), () -> describe(script));
  }

  @Test
  void theEndpointListsTheShopsEndpointsWithTheirAnswers() {
    Map<String, Object> report = Json.get(new ShopClient(port), "/actuator/expiry");

    assertEquals("expiry-report", report.get("format"));
    assertEquals(1, ((Number) report.get("version")).intValue());
    assertTrue(Json.list(report.get("sources")).containsAll(List.of("target/classes", "target/test-classes")),
        "the shop's classes and its tests' (TestSessions): " + report.get("sources"));
    assertTrue(Json.list(report.get("sources")).stream().noneMatch(s -> String.valueOf(s).startsWith("/")),
        "no machine paths: " + report.get("sources"));

    Map<String, Object> orders = Json.endpoint(report, SHOP + ".OrdersController");
    assertEquals("spring-mvc", orders.get("framework"));
    Map<String, Object> api = Json.operation(orders, "api()");
    assertEquals(List.of(Map.of("method", "GET", "path", "/api/orders")), api.get("routes"));
    assertEquals(true, api.get("covered"));
    List<Map<String, Object>> answers = Json.maps(api.get("answers"));
    // Only the slots that answer are listed: the session's, for a browser and a script.
    assertEquals(2, answers.size(), answers::toString);
    List<Map<String, Object>> responses = Json.maps(orders.get("responses"));

    Map<String, Object> browser = answers.get(0);
    assertEquals("SESSION", browser.get("on"));
    assertEquals("BROWSER", browser.get("client"));
    Map<String, Object> redirect = responses.get(((Number) browser.get("response")).intValue());
    assertEquals(303, ((Number) redirect.get("status")).intValue());
    assertEquals(List.of(List.of("Location", "/login")), redirect.get("headers"));
    assertEquals("none", browser.get("body"));
    assertEquals("class " + SHOP + ".OrdersController", browser.get("declaredOn"));
    assertEquals("@" + SHOP + ".ShopSessionPolicy", browser.get("via"));

    Map<String, Object> script = answers.get(1);
    assertEquals("API", script.get("client"));
    Map<String, Object> unauthorized = responses.get(((Number) script.get("response")).intValue());
    assertEquals(401, ((Number) unauthorized.get("status")).intValue());
    assertEquals(List.of(List.of("WWW-Authenticate", "Session realm=\"shop\"")), unauthorized.get("headers"));
    assertEquals("application/problem+json", script.get("body"));
    assertEquals(Map.of("type", "https://expiry.dev/problems/session-expired", "title", "Session expired",
        "detail", "Your session has expired. Log in again to continue."), unauthorized.get("problem"));

    Map<String, Object> stockEndpoint = Json.endpoint(report, "dev.expiry.examples.boot.stock.StockController");
    Map<String, Object> stock = Json.operation(stockEndpoint, "stock(org.springframework.security.oauth2.jwt.Jwt)");
    Map<String, Object> token = Json.maps(stock.get("answers")).stream()
        .filter(a -> "ACCESS_TOKEN".equals(a.get("on")) && "API".equals(a.get("client"))).findFirst().orElseThrow();
    assertEquals(List.of(List.of("WWW-Authenticate",
        "Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The access token expired\"")),
        Json.maps(stockEndpoint.get("responses")).get(((Number) token.get("response")).intValue()).get("headers"));

    Map<String, Object> reports = Json.operation(Json.endpoint(report, "dev.expiry.examples.boot.reports.ReportsController"),
        "reports()");
    // Exempt, with its reason: covered, and nothing of Expiry's answers it.
    assertEquals(true, reports.get("covered"));
    assertEquals("Shows Spring Security's own answer to an expired session, beside Expiry's.",
        ((Map<?, ?>) reports.get("exemption")).get("reason"));
    assertTrue(Json.maps(reports.get("answers")).stream().allMatch(a -> "exempt".equals(a.get("passes"))),
        reports::toString);
    assertEquals(2, Json.maps(reports.get("answers")).size(), reports::toString);
  }

  @Test
  void thePackagesAreSortedAndEachOnce() {
    List<Object> names = Json.maps(Json.get(new ShopClient(port), "/actuator/expiry").get("packages")).stream()
        .map(p -> p.get("package")).toList();
    assertEquals(names.stream().distinct().sorted().toList(), names);
    assertTrue(names.containsAll(List.of(SHOP, "dev.expiry.examples.boot.notes", "dev.expiry.examples.boot.stock")),
        names::toString);
  }

  /** JSON over HTTP, read with Spring Boot's parser; and the report's lookups. */
  static final class Json {

    static Map<String, Object> get(ShopClient client, String path) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri(path)).GET()
          .header("Accept", "application/json"));
      assertEquals(200, response.statusCode(), () -> describe(response));
      return JsonParserFactory.getJsonParser().parseMap(response.body());
    }

    static Map<String, Object> endpoint(Map<String, Object> report, String className) {
      return maps(report.get("packages")).stream().flatMap(p -> maps(p.get("endpoints")).stream())
          .filter(e -> className.equals(e.get("class"))).findFirst()
          .orElseThrow(() -> new AssertionError("no endpoint " + className + " in " + report));
    }

    static Map<String, Object> operation(Map<String, Object> endpoint, String key) {
      return maps(endpoint.get("operations")).stream().filter(o -> key.equals(o.get("key"))).findFirst()
          .orElseThrow(() -> new AssertionError("no operation " + key + " in " + endpoint));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
      return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
      return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
      return (List<Object>) value;
    }
  }
}
