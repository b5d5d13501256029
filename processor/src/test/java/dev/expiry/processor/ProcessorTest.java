package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.compileWith;
import static dev.expiry.processor.Sources.java;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.rules.UnknownRuleOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** What the processor generates, and how it behaves around javac. */
class ProcessorTest {

  private static final String INDEX = "META-INF/services/dev.expiry.runtime.ExpiryHandler";

  private static final JavaFileObject ORDERS = java("OrdersServlet",
      "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\", realm = \"http://example.com\")",
      "public class OrdersServlet extends HttpServlet {",
      "  @ExpiryPolicy(status = 401, scheme = \"Bearer\", realm = \"example\", params = {",
      "      @Param(name = \"error\", value = \"invalid_token\"),",
      "      @Param(name = \"title\", value = \"The \\\"session\\\" has expired\")})",
      "  @Override",
      "  protected void doPost(HttpServletRequest request, HttpServletResponse response) {}",
      "",
      "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login?next={path}\")",
      "  @Override",
      "  protected void doGet(HttpServletRequest request, HttpServletResponse response) {}",
      "",
      "  @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = \"Form expired\", detail = \"Reload it\")",
      "  @Override",
      "  protected void doPut(HttpServletRequest request, HttpServletResponse response) {}",
      "}");

  @Test
  void generatesThePackageTableWithEveryValueRenderedAndEveryAnswerDecided() {
    Compilation c = compile(ORDERS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.OrdersServlet_ExpiryPolicies").contentsAsUtf8String().isEqualTo("""
        package test;

        import dev.expiry.runtime.ExpiryHandler;
        import javax.annotation.processing.Generated;

        /**
         * The expiry policies of the endpoints in {@code test} compiled together, rendered at compile
         * time: each distinct response once, each combination of responses an endpoint gets once, then
         * one line per endpoint.
         */
        @Generated("dev.expiry.processor.ExpiryProcessor")
        public final class OrdersServlet_ExpiryPolicies implements ExpiryHandler {
          /**
           * The WWW-Authenticate challenge of response 0.
           */
          private static final String MY_AUTH_SCHEME_CHALLENGE = "MyAuthScheme realm=\\"http://example.com\\"";

          /**
           * The Location of response 1.
           */
          private static final String LOCATION = "/login?next={path}";

          /**
           * The WWW-Authenticate challenge of response 2.
           */
          private static final String BEARER_CHALLENGE = "Bearer realm=\\"example\\", error=\\"invalid_token\\", title=\\"The \\\\\\"session\\\\\\" has expired\\"";

          /**
           * Called by {@link java.util.ServiceLoader}.
           */
          public OrdersServlet_ExpiryPolicies() {
          }

          @Override
          public void declare(ExpiryHandler.Policies policies) {
            ExpiryHandler.Response[] r = new ExpiryHandler.Response[4];
            responses(policies, r);
            ExpiryHandler.Answers[] a = new ExpiryHandler.Answers[4];
            answers(policies, r, a);
            endpoints(policies, a);
          }

          /**
           * Each distinct response, rendered.
           */
          private static void responses(ExpiryHandler.Policies policies, ExpiryHandler.Response[] r) {
            r[0] = policies.response(401, "about:blank", "Session expired", "Your session has expired. Log in again to continue.", "WWW-Authenticate", MY_AUTH_SCHEME_CHALLENGE);
            r[1] = policies.response(303, "about:blank", "Session expired", "Your session has expired. Log in again to continue.", "Location", LOCATION);
            r[2] = policies.response(401, "about:blank", "Session expired", "Your session has expired. Log in again to continue.", "WWW-Authenticate", BEARER_CHALLENGE);
            r[3] = policies.response(403, "about:blank", "Form expired", "Reload it");
          }

          /**
           * Each distinct combination of responses: per expiry, the browser's, then the API client's.
           */
          private static void answers(ExpiryHandler.Policies policies, ExpiryHandler.Response[] r,
              ExpiryHandler.Answers[] a) {
            // session: browser 401, API 401
            a[0] = policies.answers(r[0], r[0]);
            // session: browser 303, API 401
            a[1] = policies.answers(r[1], r[0]);
            // session: browser 401, API 401
            a[2] = policies.answers(r[2], r[2]);
            // session: browser 401, API 401; CSRF token: browser 403, API 403
            a[3] = policies.answers(r[0], r[0], null, null, r[3], r[3]);
          }

          /**
           * Each endpoint, with the combination it gets.
           */
          private static void endpoints(ExpiryHandler.Policies policies, ExpiryHandler.Answers[] a) {
            // every method without its own policy
            policies.servlet("test.OrdersServlet", ExpiryHandler.Policies.ANY_METHOD, a[0]);
            // doGet()
            policies.servlet("test.OrdersServlet", "GET", a[1]);
            // HEAD, as doGet()
            policies.servlet("test.OrdersServlet", "HEAD", a[1]);
            // doPost()
            policies.servlet("test.OrdersServlet", "POST", a[2]);
            // doPut()
            policies.servlet("test.OrdersServlet", "PUT", a[3]);
          }
        }
        """);
  }

  @Test
  void headFollowsGetOnlyWhenDoHeadIsNotOverridden() {
    JavaFileObject withHead = java("S",
        "public class S extends HttpServlet {",
        "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "  @Override protected void doHead(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    Table table = Table.of(compile(withHead), "test.S_ExpiryPolicies");
    assertThat(table.answer("test.S", "GET", "SESSION", "BROWSER")).isEqualTo("303 Location: /login");
    assertThat(table.hasRow("test.S", "HEAD")).isFalse();

    JavaFileObject inheritedHead = java("Base",
        "public abstract class Base extends HttpServlet {",
        "  @Override protected void doHead(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    JavaFileObject sub = java("T",
        "public class T extends Base {",
        "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    Table inherited = Table.of(compile(inheritedHead, sub), "test.T_ExpiryPolicies");
    assertThat(inherited.hasRow("test.T", "GET")).isTrue();
    assertThat(inherited.hasRow("test.T", "HEAD")).isFalse();

    JavaFileObject plain = java("U",
        "public class U extends HttpServlet {",
        "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    Table follows = Table.of(compile(plain), "test.U_ExpiryPolicies");
    assertThat(follows.row("test.U", "HEAD")).isEqualTo(follows.row("test.U", "GET").replace("\"GET\"", "\"HEAD\""));
    assertThat(follows.source()).contains("// HEAD, as doGet()\n");
  }

  @Test
  void proxyAuthenticationUsesProxyAuthenticate() {
    Table table = Table.of(compile(Sources.servlet("@ExpiryPolicy(status = 407, scheme = \"MyProxy\")")),
        "test.S_ExpiryPolicies");
    assertThat(table.source()).contains("policies.response(407, \"about:blank\", \"Session expired\", \"Your session has expired. Log in again to continue.\", \"Proxy-Authenticate\", MY_PROXY_CHALLENGE)");
    assertThat(table.source()).contains("MY_PROXY_CHALLENGE = \"MyProxy\"");
    assertThat(table.answer("test.S", "*", "SESSION", "API")).isEqualTo("407 Proxy-Authenticate: MyProxy");
  }

  @Test
  void nestedServletsAreListedByTheirBinaryNameInATableNamedWithoutDollars() {
    JavaFileObject src = java("Outer",
        "public class Outer {",
        "  @ExpiryPolicy(status = 401, scheme = \"X\")",
        "  public static class Inner extends HttpServlet {}",
        "}");
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test.Outer_Inner_ExpiryPolicies").row("test.Outer$Inner", "*"))
        .isEqualTo("policies.servlet(\"test.Outer$Inner\", ExpiryHandler.Policies.ANY_METHOD, a[0]);");
    assertThat(index(c)).isEqualTo("test.Outer_Inner_ExpiryPolicies\n");
  }

  @Test
  void oneTableListsEveryEndpointOfThePackage() {
    Compilation c = compile(
        java("Zeta", "@ExpiryPolicy(status = 401, scheme = \"X\")", "public class Zeta extends HttpServlet {}"),
        ORDERS,
        java("Alpha", "public class Alpha extends HttpServlet {",
            "  @ExpiryPolicy(status = 401, scheme = \"X\")",
            "  @Override protected void doPut(HttpServletRequest q, HttpServletResponse r) {}", "}"),
        java("Plain", "public class Plain extends HttpServlet {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).hasSize(1);
    Table table = Table.of(c, "test.Alpha_ExpiryPolicies");
    assertThat(table.answer("test.Alpha", "PUT", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: X");
    assertThat(table.answer("test.Zeta", "*", "SESSION", "BROWSER")).isEqualTo("401 WWW-Authenticate: X");
    assertThat(table.answer("test.OrdersServlet", "POST", "SESSION", "API")).startsWith("401 WWW-Authenticate: Bearer");
    assertThat(table.source()).doesNotContain("test.Plain");
    // A servlet without a policy needs no row; one answered by nothing but its own methods has no "*" row.
    assertThat(table.hasRow("test.Alpha", "*")).isFalse();
    assertThat(table.rows()).isEqualTo(7);
    assertThat(index(c)).isEqualTo("test.Alpha_ExpiryPolicies\n");
  }

  @Test
  void indexListsTheTableOfEveryPackageSorted() {
    Compilation c = compile(
        servletIn("test.zeta", "Z"), servletIn("test.alpha", "A"), servletIn("test.alpha.inner", "B"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(index(c)).isEqualTo(
        "test.alpha.A_ExpiryPolicies\ntest.alpha.inner.B_ExpiryPolicies\ntest.zeta.Z_ExpiryPolicies\n");
  }

  private static JavaFileObject servletIn(String pkg, String name) {
    return JavaFileObjects.forSourceLines(pkg + "." + name, "package " + pkg + ";",
        "@dev.expiry.ExpiryPolicy(status = 401, scheme = \"X\")",
        "public class " + name + " extends jakarta.servlet.http.HttpServlet {}");
  }

  @Test
  void outputIsTheSameBytesEveryTime() {
    Compilation first = compile(ORDERS, Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"X\")"),
        servletIn("test.other", "O"));
    Compilation second = compile(servletIn("test.other", "O"),
        Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"X\")"), ORDERS);
    assertEquals(Table.of(first, "test.OrdersServlet_ExpiryPolicies").source(),
        Table.of(second, "test.OrdersServlet_ExpiryPolicies").source());
    assertEquals(Table.of(first, "test.other.O_ExpiryPolicies").source(),
        Table.of(second, "test.other.O_ExpiryPolicies").source());
    assertEquals(index(first), index(second));
  }

  /** Every lint but "processing", which flags the {@code @Generated} that no processor claims. */
  @Test
  void generatedCodeIsCleanUnderEveryLint() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\", realm = \"r\")",
        "public class S extends HttpServlet {",
        "  private static final long serialVersionUID = 1L;",
        "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    assertThat(compileWith(new String[] {"-Xlint:all,-processing", "-Werror"}, src)).succeededWithoutWarnings();
  }

  @Test
  void unrelatedCompileErrorsGetOnlyJavacsOwnDiagnostics() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
        "public class S extends HttpServlet {",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {",
        "    int broken = \"not an int\";",
        "  }",
        "}");
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("incompatible types").inFile(src).onLineContaining("int broken");
    assertThat(c.diagnostics().stream().map(d -> d.getMessage(null)).filter(m -> m.contains("["))).isEmpty();
  }

  @Test
  void anUnresolvableAttributeIsLeftToJavac() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(status = NO_SUCH_CONSTANT, scheme = \"MyAuthScheme\")",
        "public class S extends HttpServlet {}");
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("cannot find symbol");
    assertThat(c.diagnostics().stream().map(d -> d.getMessage(null)).filter(m -> m.contains("Expiry") || m.startsWith("["))).isEmpty();
  }

  /** {@code @test.Generate}, which makes {@link Generator} write its type. */
  private static final JavaFileObject TRIGGER = JavaFileObjects.forSourceLines("test.Generate",
      "package test;", "public @interface Generate {}");

  @Test
  void aServletWhoseSuperclassAnotherProcessorGeneratesIsDeferredNotRejected() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
        "@test.Generate",
        "public class S extends GeneratedBase {}");
    Compilation c = javac().withProcessors(new Generator("test.GeneratedBase",
        "public abstract class GeneratedBase extends jakarta.servlet.http.HttpServlet {}"), new ExpiryProcessor())
        .compile(TRIGGER, src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test.S_ExpiryPolicies").answer("test.S", "*", "SESSION", "API"))
        .isEqualTo("401 WWW-Authenticate: MyAuthScheme");
    assertThat(index(c)).isEqualTo("test.S_ExpiryPolicies\n");
  }

  @Test
  void anEndpointWhoseComposedPolicyAnotherProcessorGeneratesIsReadInTheNextRound() {
    JavaFileObject src = java("S",
        "@test.Generate",
        "public class S extends HttpServlet {",
        "  @LaterPolicy @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    Compilation c = javac().withProcessors(new Generator("test.LaterPolicy",
        "@dev.expiry.ExpiryPolicy(status = 401, scheme = \"Later\")"
            + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)"
            + " public @interface LaterPolicy {}"), new ExpiryProcessor())
        .compile(TRIGGER, src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test.S_ExpiryPolicies").answer("test.S", "GET", "SESSION", "API"))
        .isEqualTo("401 WWW-Authenticate: Later");
  }

  @Test
  void aControllerWhoseMappingAnotherProcessorGeneratesIsReadInTheNextRound() {
    JavaFileObject src = FrameworkStubs.web("C",
        "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
        "@test.Generate @RestController @RequestMapping(\"/orders\")",
        "public class C {",
        "  @GetLater(\"/{id}\") public String get() { return \"\"; }",
        "}");
    Compilation c = javac().withProcessors(new Generator("test.GetLater",
        "@org.springframework.web.bind.annotation.RequestMapping(method ="
            + " org.springframework.web.bind.annotation.RequestMethod.GET)"
            + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
            + " public @interface GetLater { @org.springframework.core.annotation.AliasFor(annotation ="
            + " org.springframework.web.bind.annotation.RequestMapping.class) String[] value() default {}; }"),
        new ExpiryProcessor()).compile(FrameworkStubs.with(TRIGGER, src));
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test.C_ExpiryPolicies").source())
        .contains("    // GET /orders/{id}\n    policies.handler(\"test.C\", \"get()\", a[0]);\n");
  }

  @Test
  void anAnnotationTypeNoProcessorGeneratesIsReportedOnTheElementThatUsesIt() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
        "public class S extends HttpServlet {",
        "  @NeverGenerated @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    JavaFileObject plain = java("Plain", "@NeverGenerated public class Plain {}");
    Compilation c = compile(src, plain);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(src).onLineContaining("@NeverGenerated");
    assertThat(c).hadErrorContaining("The Expiry processor cannot read S: the annotation type NeverGenerated is not"
        + " resolved, and no annotation processor generated it. Until it is, the expiry policies of S are not checked"
        + " and it has no row in its package's table.")
        .inFile(src).onLine(Sources.lineOf(src, "@NeverGenerated")).atColumn(Sources.columnOf(src, "@NeverGenerated"));
    // A class that is no endpoint and carries no policy is left to javac.
    assertThat(c.diagnostics().stream().filter(d -> d.getMessage(null).contains("Expiry")).count()).isEqualTo(1);
  }

  @Test
  void aSuperclassNoProcessorGeneratesIsReportedOnTheServlet() {
    JavaFileObject src = java("S", "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
        "public class S extends NeverGeneratedBase {}");
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("The Expiry processor cannot read S: the type NeverGeneratedBase is not resolved")
        .inFile(src).onLineContaining("public class S");
  }

  @Test
  void aFailureInsideTheProcessorBecomesOneDiagnosticNotACrash() {
    Rule broken = new Broken();
    JavaFileObject src = Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"X\")");
    Compilation c = javac().withProcessors(new ExpiryProcessor(List.of(broken, new UnknownRuleOption()))).compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("The Expiry processor failed on this element; this is a bug in Expiry")
        .inFile(src).onLineContaining("public class S");
    assertThat(c).hadErrorContaining("java.lang.IllegalStateException: boom");
    assertThat(c).hadErrorContaining("at dev.expiry.processor.ProcessorTest$Broken.check");
  }

  /** A rule with a bug. */
  static final class Broken extends Rule {
    Broken() {
      super(Severity.ERROR, true, "always throws");
    }

    @Override
    public void check(Declaration declaration, Findings findings) {
      throw new IllegalStateException("boom");
    }
  }

  /** Generates one type in the first round, when it sees {@code @test.Generate}. */
  static final class Generator extends AbstractProcessor {
    private final String name;
    private final String body;
    private boolean done;

    /**
     * @param name the qualified name of the type, in package {@code test}
     * @param body its declaration
     */
    Generator(String name, String body) {
      this.name = name;
      this.body = body;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("test.Generate");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done || annotations.isEmpty()) {
        return false;
      }
      done = true;
      try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        w.write("package test;\n" + body + "\n");
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
      }
      return false;
    }
  }

  private static String index(Compilation c) {
    try {
      return c.generatedFile(StandardLocation.CLASS_OUTPUT, INDEX)
          .orElseThrow(() -> new AssertionError("no index"))
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
