package dev.expiry.spring.boot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.spring.boot.report.fixture.OrdersController;
import dev.expiry.spring.boot.report.fixture.ReportsController;
import dev.expiry.spring.boot.report.fixture.StockController;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.web.method.HandlerMethod;

/**
 * The responses the customizer adds to springdoc's operations, from the hand-made reports, for
 * real handler methods of the fixture classes those reports list.
 */
class ExpiryOpenApiCustomizerTest {

  @TempDir
  Path dir;

  private URLClassLoader loader;
  private ExpiryOpenApiCustomizer customizer;
  private final Components components = new Components();

  @BeforeEach
  void customizer() throws IOException {
    loader = Reports.loader(Reports.jar(dir, "shop.jar", "shop-report.json"),
        Reports.jar(dir, "stock.jar", "stock-report.json"));
    customizer = new ExpiryOpenApiCustomizer(new ExpiryReports(loader));
  }

  @AfterEach
  void close() throws IOException {
    loader.close();
  }

  @Test
  void aSessionPolicyAddsThe303WithItsLocationAndThe401WithItsChallengeAndProblem() throws Exception {
    Operation operation = customize(new OrdersController(), "api");
    assertEquals(List.of("200", "303", "401"), List.copyOf(operation.getResponses().keySet()));

    ApiResponse redirect = operation.getResponses().get("303");
    assertEquals("The session has expired (browser: redirected to `/login`)", redirect.getDescription());
    assertEquals("/login", redirect.getHeaders().get("Location").getExample());
    assertNull(redirect.getContent(), "a 303 has no body");

    ApiResponse unauthorized = operation.getResponses().get("401");
    assertEquals("The session has expired (script or API client: problem \"Session expired\","
        + " WWW-Authenticate: `Session realm=\"shop\"`)", unauthorized.getDescription());
    Header challenge = unauthorized.getHeaders().get("WWW-Authenticate");
    assertEquals("Session realm=\"shop\"", challenge.getExample());
    assertEquals("The challenge", challenge.getDescription());
    MediaType problem = unauthorized.getContent().get("application/problem+json");
    assertEquals("#/components/schemas/ExpiryProblem", problem.getSchema().get$ref());
    assertEquals(Map.of("type", "about:blank", "title", "Session expired", "status", 401,
        "detail", "Your session has expired. Log in again.", "instance", "/api/orders"), problem.getExample());

    assertEquals(List.of("type", "title", "status", "detail", "instance", "login"),
        List.copyOf(components.getSchemas().get("ExpiryProblem").getProperties().keySet()));
  }

  @Test
  void theProblemSchemaIsRegisteredOnce() throws Exception {
    customize(new OrdersController(), "api");
    var schema = components.getSchemas().get("ExpiryProblem");
    customize(new OrdersController(), "item", String.class);
    customize(new StockController(), "stock");
    assertEquals(1, components.getSchemas().size());
    assertSame(schema, components.getSchemas().get("ExpiryProblem"));
  }

  @Test
  void csrfAnswersAreDescribedForEachClientWithTheirBodies() throws Exception {
    Operation operation = customize(new OrdersController(), "save", String[].class, int.class);
    ApiResponse forbidden = operation.getResponses().get("403");
    assertEquals("The CSRF token is no longer valid (browser: page \"Form expired\")\n\n"
        + "The CSRF token is no longer valid (script or API client: problem \"Form expired\")",
        forbidden.getDescription());
    assertEquals(List.of("application/problem+json", "text/html"), List.copyOf(forbidden.getContent().keySet()));
    assertNull(forbidden.getHeaders());
    assertEquals(List.of("200", "303", "401", "403"), List.copyOf(operation.getResponses().keySet()));
  }

  @Test
  void accessTokenAnswersOfBothClientsShareTheir401() throws Exception {
    Operation operation = customize(new StockController(), "stock");
    assertEquals(List.of("200", "401"), List.copyOf(operation.getResponses().keySet()));
    ApiResponse unauthorized = operation.getResponses().get("401");
    String challenge = "Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The access token expired\"";
    assertEquals("The access token has expired (browser: page \"Access token expired\", WWW-Authenticate: `"
        + challenge + "`)\n\nThe access token has expired (script or API client: problem \"Access token expired\","
        + " WWW-Authenticate: `" + challenge + "`)", unauthorized.getDescription());
    assertEquals(challenge, unauthorized.getHeaders().get("WWW-Authenticate").getExample());
  }

  @Test
  void anOperationWithoutAPolicyOrNotInTheReportIsLeftAsItIs() throws Exception {
    assertEquals(List.of("200"), List.copyOf(customize(new ReportsController(), "reports").getResponses().keySet()));
    assertEquals(List.of("200"), List.copyOf(customize(new ReportsController(), "unlisted").getResponses().keySet()));
    assertNull(components.getSchemas());
  }

  @Test
  void aResponseTheApplicationDocumentedKeepsWhatItSaysAndGetsExpirysDescriptionAndWhatItLacks() throws Exception {
    java.lang.reflect.Method api = OrdersController.class.getMethod("api");
    Operation operation = documented();
    ApiResponse own = new ApiResponse().description("Not logged in")
        .addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema()).example("Cookie"))
        .content(new Content().addMediaType("application/json", new MediaType().schema(new StringSchema())));
    operation.getResponses().addApiResponse("401", own);

    customizer.customize(operation, components, new HandlerMethod(new OrdersController(), api));

    ApiResponse merged = operation.getResponses().get("401");
    assertSame(own, merged);
    assertEquals("Not logged in\n\nThe session has expired (script or API client: problem \"Session expired\","
        + " WWW-Authenticate: `Session realm=\"shop\"`)", merged.getDescription());
    assertEquals("Cookie", merged.getHeaders().get("WWW-Authenticate").getExample(), "the application's header");
    assertEquals(List.of("application/json", "application/problem+json"), List.copyOf(merged.getContent().keySet()));
  }

  @Test
  void aCglibProxyIsLookedUpAsTheClassItProxies() throws Exception {
    ProxyFactory factory = new ProxyFactory(new OrdersController());
    factory.setProxyTargetClass(true);
    Object proxy = factory.getProxy();
    assertNotEquals(OrdersController.class, proxy.getClass());
    Operation operation = documented();
    customizer.customize(operation, components, new HandlerMethod(proxy, proxy.getClass().getMethod("api")));
    assertEquals(List.of("200", "303", "401"), List.copyOf(operation.getResponses().keySet()));
  }

  @Test
  void withoutComponentsTheProblemSchemaIsInline() throws Exception {
    Operation operation = documented();
    customizer.customize(operation, new HandlerMethod(new OrdersController(), OrdersController.class.getMethod("api")));
    var schema = operation.getResponses().get("401").getContent().get("application/problem+json").getSchema();
    assertNull(schema.get$ref());
    assertTrue(schema.getProperties().containsKey("detail"));
  }

  private Operation customize(Object bean, String method, Class<?>... parameters) throws NoSuchMethodException {
    return customizer.customize(documented(), components,
        new HandlerMethod(bean, bean.getClass().getMethod(method, parameters)));
  }

  /** An operation as springdoc builds it before the customizers: its 200. */
  private static Operation documented() {
    return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
  }

}
