package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.FrameworkStubs.web;
import static dev.expiry.processor.FrameworkStubs.with;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.compileWith;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code MissingPolicy}, {@code @NoExpiryPolicy} and the rules about exemptions: which endpoints a
 * build that turns coverage on names, where, and what an exemption does to the answers served.
 */
class CoverageTest {

  private static final String[] ON = {"-Aexpiry.MissingPolicy=error"};
  private static final String DO_GET =
      "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}";
  private static final String DO_POST =
      "  @Override protected void doPost(HttpServletRequest q, HttpServletResponse r) {}";

  @Nested
  class MissingPolicy {

    @Test
    void isOffUnlessTurnedOn() {
      JavaFileObject src = Sources.java("S", "public class S extends HttpServlet {", DO_GET, "}");
      assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void namesTheServletMethodWithoutAPolicyAtItsName() {
      JavaFileObject src = Sources.java("S", "public class S extends HttpServlet {", DO_GET, "}");
      Compilation c = compileWith(ON, src);
      assertThat(c).failed();
      Reports.errorAt(c, src, "MissingPolicy", "doGet");
      assertThat(c).hadErrorContaining("method doGet() of S has no SESSION policy");
      assertThat(c).hadErrorContaining("@NoExpiryPolicy(reason = ");
      Reports.count(c, "MissingPolicy", 1); // HEAD, which runs doGet, is not named again
    }

    @Test
    void warnsWhenTurnedOnAsAWarning() {
      JavaFileObject src = Sources.java("S", "public class S extends HttpServlet {", DO_GET, "}");
      Compilation c = compileWith(new String[] {"-Aexpiry.MissingPolicy=warning"}, src);
      assertThat(c).succeeded();
      Reports.warningAt(c, src, "MissingPolicy", "doGet");
    }

    @Test
    void namesOnlyTheMethodsNoPolicyCovers() {
      JavaFileObject src = Sources.java("S", "public class S extends HttpServlet {",
          "  @ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")", DO_GET, DO_POST, "}");
      Compilation c = compileWith(ON, src);
      Reports.errorAt(c, src, "MissingPolicy", "doPost");
      Reports.count(c, "MissingPolicy", 1);
    }

    @Test
    void namesAServletThatOverridesNoMethodAtItsClass() {
      JavaFileObject src = Sources.java("S", "@jakarta.servlet.annotation.WebServlet(\"/s/*\")",
          "public class S extends HttpServlet {}");
      Compilation c = compileWith(ON, src);
      Reports.errorAt(c, src, "MissingPolicy", "class S");
      assertThat(c).hadErrorContaining("Servlet S (any method /s/*) has no SESSION policy");
    }

    @Test
    void aClassPolicyAPackageDefaultOrAnExemptionCoverTheServlet() {
      JavaFileObject byClass = Sources.java("A", "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
          "public class A extends HttpServlet {", DO_GET, DO_POST, "}");
      JavaFileObject exempt = Sources.java("B", "@NoExpiryPolicy(reason = \"The login page.\")",
          "public class B extends HttpServlet {", DO_GET, "}");
      JavaFileObject exemptMethod = Sources.java("C", "public class C extends HttpServlet {",
          "  @NoExpiryPolicy(reason = \"Health check.\")", DO_GET, "}");
      assertThat(compileWith(ON, byClass, exempt, exemptMethod)).succeededWithoutWarnings();

      JavaFileObject pkg = JavaFileObjects.forSourceString("other.package-info",
          "@ExpiryPolicy(status = 401, scheme = \"FromPackage\")\npackage other;\nimport dev.expiry.ExpiryPolicy;\n");
      JavaFileObject inPackage = JavaFileObjects.forSourceString("other.D", "package other;\n"
          + "public class D extends jakarta.servlet.http.HttpServlet {\n"
          + "  @Override protected void doGet(jakarta.servlet.http.HttpServletRequest q,"
          + " jakarta.servlet.http.HttpServletResponse r) {}\n}\n");
      assertThat(compileWith(ON, pkg, inPackage)).succeededWithoutWarnings();
    }

    @Test
    void aPolicyForAnotherExpiryDoesNotCover() {
      JavaFileObject src = Sources.java("S",
          "@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = \"CSRF token expired\")",
          "public class S extends HttpServlet {", DO_POST, "}");
      Reports.errorAt(compileWith(ON, src), src, "MissingPolicy", "doPost");
    }

    @Test
    void namesTheHandlerMethodsOfAControllerAndAResource() {
      JavaFileObject controller = web("Orders", "@RestController @RequestMapping(\"/orders\")", "public class Orders {",
          "  @ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
          "  @GetMapping public String list() { return \"\"; }",
          "  @PostMapping(\"/{id}\") public String update(@PathVariable String id) { return id; }",
          "}");
      JavaFileObject resource = web("Carts", "@Path(\"/carts\")", "public class Carts {",
          "  @GET @Path(\"{id}\") public String cart(@PathParam(\"id\") String id) { return id; }",
          "}");
      Compilation c = compileWith(ON, with(controller, resource));
      Reports.errorAt(c, controller, "MissingPolicy", "update(");
      assertThat(c).hadErrorContaining("POST /orders/{id}, method update() of Orders has no SESSION policy");
      Reports.errorAt(c, resource, "MissingPolicy", "cart(");
      assertThat(c).hadErrorContaining("GET /carts/{id}, method cart() of Carts");
      Reports.count(c, "MissingPolicy", 2);
    }

    @Test
    void anInheritedHandlerMethodIsNamedOnTheControllerThatServesIt() {
      JavaFileObject base = web("Base", "public abstract class Base {",
          "  @GetMapping(\"/{id}\") public String get(@PathVariable String id) { return id; }", "}");
      JavaFileObject orders = web("Orders", "@RestController @RequestMapping(\"/orders\")",
          "public class Orders extends Base {}");
      Compilation c = compileWith(ON, with(base, orders));
      Reports.errorAt(c, orders, "MissingPolicy", "class Orders");
      assertThat(c).hadErrorContaining("GET /orders/{id}, method get() of Orders");
    }

    @Test
    void anExemptionOnTheClassTheMethodOrAComposedAnnotationCovers() {
      JavaFileObject publicEndpoint = web("PublicEndpoint",
          "@NoExpiryPolicy(reason = \"Public pages.\")", "@Retention(RetentionPolicy.CLASS)",
          "public @interface PublicEndpoint {}");
      JavaFileObject src = web("Pages", "@RestController", "public class Pages {",
          "  @NoExpiryPolicy(reason = \"The login page.\") @GetMapping(\"/login\") public String login() { return \"\"; }",
          "  @PublicEndpoint @GetMapping(\"/about\") public String about() { return \"\"; }",
          "}");
      JavaFileObject health = web("Health", "@NoExpiryPolicy(reason = \"Probed by the load balancer.\")",
          "@RestController", "public class Health {",
          "  @GetMapping(\"/health\") public String health() { return \"\"; }", "}");
      assertThat(compileWith(ON, with(publicEndpoint, src, health))).succeededWithoutWarnings();
    }

    @Test
    void isSuppressedOnTheClass() {
      JavaFileObject src = Sources.java("S", "@SuppressWarnings(\"expiry:MissingPolicy\")",
          "public class S extends HttpServlet {", DO_GET, "}");
      assertThat(compileWith(ON, src)).succeededWithoutWarnings();
    }

    @Test
    void aFrameworkFrontServletIsNoEndpointOfItsOwn() {
      JavaFileObject stub = JavaFileObjects.forSourceString("org.springframework.web.servlet.FrameworkServlet",
          "package org.springframework.web.servlet;\n"
              + "public abstract class FrameworkServlet extends jakarta.servlet.http.HttpServlet {\n"
              + "  @Override protected void doGet(jakarta.servlet.http.HttpServletRequest q,"
              + " jakarta.servlet.http.HttpServletResponse r) {}\n}\n");
      JavaFileObject src = Sources.java("Front", "public class Front extends org.springframework.web.servlet.FrameworkServlet {}");
      assertThat(compileWith(ON, stub, src)).succeededWithoutWarnings();
    }
  }

  @Nested
  class WhatAnExemptionServes {

    @Test
    void anExemptServletMethodPassesWhereTheClassPolicyAnswersTheOthers() {
      JavaFileObject src = Sources.java("S", "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
          "public class S extends HttpServlet {",
          "  @NoExpiryPolicy(reason = \"Polled by the page to show whether it is logged in.\")", DO_GET, DO_POST, "}");
      Compilation c = compile(src);
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.S", "*", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: MyAuthScheme");
      assertThat(table.answer("test.S", "GET", "SESSION", "API")).isEqualTo("none");
      assertThat(table.answer("test.S", "GET", "CSRF_TOKEN", "BROWSER")).isEqualTo("none");
      assertThat(table.answer("test.S", "HEAD", "SESSION", "BROWSER")).isEqualTo("none"); // HEAD runs doGet
      assertThat(table.hasRow("test.S", "POST")).isFalse(); // "*" answers it
    }

    @Test
    void anExemptHandlerHasNoRowAndTheMethodsOwnPolicyAnswersOnAnExemptClass() {
      JavaFileObject pkg = JavaFileObjects.forSourceString("test.package-info",
          "@ExpiryPolicy(status = 401, scheme = \"FromPackage\")\npackage test;\nimport dev.expiry.ExpiryPolicy;\n");
      JavaFileObject pages = web("Pages", "@RestController", "public class Pages {",
          "  @NoExpiryPolicy(reason = \"The login page.\") @GetMapping(\"/login\") public String login() { return \"\"; }",
          "  @GetMapping(\"/home\") public String home() { return \"\"; }", "}");
      JavaFileObject health = web("Health", "@NoExpiryPolicy(reason = \"Public.\")", "@RestController",
          "public class Health {",
          "  @GetMapping(\"/health\") public String health() { return \"\"; }",
          "  @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = \"CSRF token expired\")",
          "  @PostMapping(\"/feedback\") public String feedback() { return \"\"; }",
          "}");
      Compilation c = compile(with(pkg, pages, health));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.hasRow("test.Pages", "login()")).isFalse();
      assertThat(table.answer("test.Pages", "home()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromPackage");
      assertThat(table.hasRow("test.Health", "health()")).isFalse();
      // Its own CSRF policy answers; for the session, the exempt class stops the search before the package.
      assertThat(table.answer("test.Health", "feedback()", "CSRF_TOKEN", "API")).isEqualTo("403");
      assertThat(table.answer("test.Health", "feedback()", "SESSION", "API")).isEqualTo("none");
    }
  }

  @Nested
  class Exemptions {

    @Test
    void anExemptionAndAPolicyOnOneElementConflict() {
      JavaFileObject src = Sources.java("S", "@NoExpiryPolicy(reason = \"Public.\")",
          "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")", "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).failed();
      Reports.errorAt(c, src, "ConflictingPolicies", "@NoExpiryPolicy");
      assertThat(c).hadErrorContaining("declared exempt with @NoExpiryPolicy and also has a policy");
    }

    @Test
    void aComposedExemptionAndAPolicyOnOneElementConflict() {
      JavaFileObject composed = web("PublicEndpoint", "@NoExpiryPolicy(reason = \"Public pages.\")",
          "public @interface PublicEndpoint {}");
      JavaFileObject src = web("Pages", "@RestController", "public class Pages {",
          "  @PublicEndpoint @ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
          "  @GetMapping(\"/about\") public String about() { return \"\"; }", "}");
      Compilation c = compile(with(composed, src));
      Reports.errorAt(c, src, "ConflictingPolicies", "@PublicEndpoint");
    }

    @Test
    void aBlankReasonIsAnErrorAtTheReason() {
      JavaFileObject src = Sources.java("S", "@NoExpiryPolicy(reason = \"  \")", "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).failed();
      Reports.errorAt(c, src, "ExemptionWithoutReason", "\"  \"");
    }

    @Test
    void aBlankReasonInAComposedAnnotationIsReportedWhereItIsDeclaredOnly() {
      JavaFileObject composed = web("PublicEndpoint", "@NoExpiryPolicy(reason = \"\")", "public @interface PublicEndpoint {}");
      JavaFileObject src = web("Pages", "@RestController @PublicEndpoint", "public class Pages {",
          "  @GetMapping(\"/about\") public String about() { return \"\"; }", "}");
      Compilation c = compile(with(composed, src));
      Reports.errorAt(c, composed, "ExemptionWithoutReason", "\"\"");
      Reports.count(c, "ExemptionWithoutReason", 1);
    }

    @Test
    void anExemptionWhereNoRequestReachesIsNotAnEndpoint() {
      JavaFileObject src = Sources.java("Util", "@NoExpiryPolicy(reason = \"Public.\")", "public class Util {}");
      Compilation c = compile(src);
      Reports.errorAt(c, src, "NotAnEndpoint", "@NoExpiryPolicy");
      assertThat(c).hadErrorContaining("exempts nothing");
    }
  }
}
