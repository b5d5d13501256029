package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which route a framework would pick, without a container: the rankings in isolation. */
class RouteTableTest {

  private final RouteTable.Builders builders = new RouteTable.Builders();
  private final Map<ExpiryResponse[], String> names = new IdentityHashMap<>();

  private void route(String framework, String method, String classTemplate, String methodTemplate) {
    RouteTable.Entry e = builders.add(framework, method, classTemplate, methodTemplate, "E");
    names.put(e.row(), method + " " + classTemplate + "|" + methodTemplate);
  }

  private String pick(String framework, String method, String path) {
    ExpiryResponse[] row = builders.build().get(framework).row(method, path);
    return row == null ? null : names.get(row);
  }

  private static final String SPRING = ExpiryHandler.Policies.SPRING_MVC;
  private static final String JAX_RS = ExpiryHandler.Policies.JAX_RS;

  @Test
  void springPrefersLiteralsThenFewerVariablesThenNonCatchAll() {
    route(SPRING, "GET", "/a", "/**");
    route(SPRING, "GET", "/a", "/{x}");
    route(SPRING, "GET", "/a", "/b");
    route(SPRING, "GET", "/a", "/{x}/{y}");
    route(SPRING, "GET", "", "/{*rest}");
    route(SPRING, "GET", "/a", "/b*");
    assertEquals("GET /a|/b", pick(SPRING, "GET", "/a/b"));
    assertEquals("GET /a|/{x}", pick(SPRING, "GET", "/a/c"));
    assertEquals("GET /a|/{x}", pick(SPRING, "GET", "/a/bc"), "one variable outranks a wildcard");
    assertEquals("GET /a|/{x}/{y}", pick(SPRING, "GET", "/a/c/d"));
    assertEquals("GET /a|/**", pick(SPRING, "GET", "/a/c/d/e"));
    assertEquals("GET /a|/**", pick(SPRING, "GET", "/a"));
    assertEquals("GET |/{*rest}", pick(SPRING, "GET", "/z/y"));
  }

  @Test
  void springServesHeadWithGetUnlessHeadIsMappedAndPrefersAnExplicitMethod() {
    route(SPRING, "*", "", "/x");
    route(SPRING, "GET", "", "/x");
    route(SPRING, "HEAD", "", "/x");
    route(SPRING, "GET", "", "/y");
    assertEquals("GET |/x", pick(SPRING, "GET", "/x"));
    assertEquals("HEAD |/x", pick(SPRING, "HEAD", "/x"));
    assertEquals("* |/x", pick(SPRING, "DELETE", "/x"));
    assertEquals("GET |/y", pick(SPRING, "HEAD", "/y"));
    assertNull(pick(SPRING, "POST", "/y"));
    assertNull(pick(SPRING, "GET", "/y/"), "no trailing-slash match");
  }

  @Test
  void springRegexVariablesMatchTheirPatternOnly() {
    route(SPRING, "GET", "/n", "/{id:\\d+}");
    assertEquals("GET /n|/{id:\\d+}", pick(SPRING, "GET", "/n/42"));
    assertNull(pick(SPRING, "GET", "/n/abc"));
  }

  @Test
  void jaxRsChoosesTheResourceClassFirst() {
    route(JAX_RS, "GET", "/orders", "/{id}");
    route(JAX_RS, "GET", "/{any}", "/special");
    // /orders has more literal characters than /{any}: Orders wins, its {id} matches "special".
    assertEquals("GET /orders|/{id}", pick(JAX_RS, "GET", "/orders/special"));
    assertEquals("GET /{any}|/special", pick(JAX_RS, "GET", "/other/special"));
  }

  @Test
  void jaxRsPicksTheMethodAfterThePathAndLeaves405ToTheFramework() {
    route(JAX_RS, "GET", "/r", "");
    route(JAX_RS, "POST", "/r", "/{id}");
    route(JAX_RS, "GET", "/r", "/{id: \\d+}");
    route(JAX_RS, "PUT", "/r", "/{id: \\d+}");
    assertEquals("GET /r|", pick(JAX_RS, "GET", "/r"));
    assertEquals("GET /r|", pick(JAX_RS, "HEAD", "/r/"));
    assertEquals("PUT /r|/{id: \\d+}", pick(JAX_RS, "PUT", "/r/7"));
    assertNull(pick(JAX_RS, "POST", "/r/7"), "the regex template matches best and has no POST: 405");
    assertEquals("POST /r|/{id}", pick(JAX_RS, "POST", "/r/abc"));
    assertNull(pick(JAX_RS, "GET", "/elsewhere"));
  }

  @Test
  void jaxRsRegexMaySpanSegments() {
    route(JAX_RS, "GET", "/files", "/{path: .+}");
    assertEquals("GET /files|/{path: .+}", pick(JAX_RS, "GET", "/files/a/b/c"));
  }

  @Test
  void aTemplateThatDoesNotCompileIsLeftOut() {
    route(SPRING, "GET", "", "/{x:(}");
    route(SPRING, "GET", "", "/ok");
    assertEquals("GET |/ok", pick(SPRING, "GET", "/ok"));
  }
}
