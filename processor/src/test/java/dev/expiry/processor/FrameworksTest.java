package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.expiry.processor.FrameworkStubs.web;
import static dev.expiry.processor.FrameworkStubs.with;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.lineOf;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spring MVC controllers and JAX-RS resources, package defaults and composed policies. */
class FrameworksTest {

  private static final String POLICY = "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")";
  private static final String OTHER = "@ExpiryPolicy(status = 401, scheme = \"Bearer\", realm = \"api\")";
  /** The problem type, title and detail of a response with the defaults, as its record has them. */
  private static final String SESSION_EXPIRED =
      "https://expiry.dev/problems/session-expired\tSession expired\tYour session has expired. Log in again to continue.";

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of("@RestController @RequestMapping(\"/orders\")", "@GetMapping(\"/{id}\")", "GET /orders/{id}"),
        Arguments.of("@Controller @RequestMapping(path = \"api\")", "@PostMapping(path = \"items/{id:\\\\d+}\")",
            "POST /api/items/{id:\\d+}"),
        Arguments.of("@RestController", "@RequestMapping(value = \"/files/**\", method = {RequestMethod.GET, RequestMethod.PUT})",
            "GET /files/**, PUT /files/**"),
        Arguments.of("@RestController @RequestMapping(\"/a/\")", "@GetMapping(\"/b\")", "GET /a/b"),
        Arguments.of("@RestController", "@RequestMapping(\"/any\")", "any method /any"),
        Arguments.of("@RestController", "@GetMapping({\"/x\", \"/y/*\"})", "GET /x, GET /y/*"),
        Arguments.of("@RestController @RequestMapping(\"/r\")", "@GetMapping", "GET /r"),
        Arguments.of("@RestController", "@GetMapping(\"/docs/{*rest}\")", "GET /docs/{*rest}"),
        Arguments.of("@RestController @RequestMapping(method = RequestMethod.POST)", "@RequestMapping(\"/form\")",
            "POST /form"),
        Arguments.of("@Path(\"/orders\")", "@GET @Path(\"{id}\")", "GET /orders/{id}"),
        Arguments.of("@Path(\"items\")", "@POST", "POST /items"),
        Arguments.of("@Path(\"/x/\")", "@GET @Path(\"{id: \\\\d+}\")", "GET /x/{id: \\d+}"),
        Arguments.of("@Path(\"/x\")", "@PATCH @Path(\"/p\")", "PATCH /x/p"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void describesTheRoutesOfAHandlerMethodBesideItsRow(String classAnnotations, String mapping, String routes) {
    JavaFileObject src = web("C",
        "@HttpMethod(\"PATCH\") @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME) @interface PATCH {}",
        POLICY,
        classAnnotations,
        "public class C {",
        "  " + mapping,
        "  public String handle() { return \"\"; }",
        "}");
    Compilation c = compile(with(src));
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test").source()).contains("# " + routes + "\nhandler\ttest.C\thandle()\ta0\n");
  }

  @Test
  void aLineBreakInAMappedPathStaysInsideTheCommentLine() {
    JavaFileObject src = web("C", POLICY, "@RestController", "public class C {",
        "  @GetMapping(\"/a\\rb\\nc\") public String handle() { return \"\"; }", "}");
    Compilation c = compile(with(src));
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test").source()).contains("# GET /a b c\nhandler\ttest.C\thandle()\ta0\n");
  }

  @Test
  void handlerMethodsAreKeyedByNameAndParameterTypesAndDistinctChallengesGetDistinctResponses() {
    JavaFileObject src = web("C",
        "@RestController",
        "public class C {",
        "  @ExpiryPolicy(status = 401, scheme = \"A\", realm = \"one\") @GetMapping(\"/a/{x}\") public String get(String x) { return x; }",
        "  @ExpiryPolicy(status = 401, scheme = \"A\", realm = \"two\") @GetMapping(\"/b/{x}\") public String get(int x) { return \"\"; }",
        "  @ExpiryPolicy(status = 401, scheme = \"A\", realm = \"one\") @GetMapping(\"/c\") public String get2(java.util.List<String>[] x, long... y) { return \"\"; }",
        "  @ExpiryPolicy(status = 401, scheme = \"B\") @GetMapping(\"/d\") public String nested(java.util.Map.Entry<String, String> e) { return \"\"; }",
        "}");
    Compilation c = compile(with(src));
    assertThat(c).succeededWithoutWarnings();
    Table table = Table.of(c, "test");
    assertThat(table.answer("test.C", "get(java.lang.String)", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: A realm=\"one\"");
    assertThat(table.answer("test.C", "get(int)", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: A realm=\"two\"");
    assertThat(table.answer("test.C", "get2(java.util.List[],long[])", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: A realm=\"one\"");
    assertThat(table.answer("test.C", "nested(java.util.Map$Entry)", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: B");
    // The same answer is one response and one combination.
    assertThat(table.row("test.C", "get2(java.util.List[],long[])"))
        .endsWith(table.row("test.C", "get(java.lang.String)").replaceAll(".*(\ta\\d+)$", "$1"));
    assertThat(table.source().lines().filter(l -> l.startsWith("response\t"))).hasSize(3);
    // Ids are numbered in order of first use, rows sorted by key: get(int) comes first.
    assertThat(table.source()).contains("response\tr0\t401\t" + SESSION_EXPIRED + "\tWWW-Authenticate\tA realm=\"two\"\n");
    assertThat(table.source()).contains("response\tr1\t401\t" + SESSION_EXPIRED + "\tWWW-Authenticate\tA realm=\"one\"\n");
  }

  @Test
  void jaxRsRoutesStartWithTheApplicationPathOfTheCompilation() {
    JavaFileObject app = web("App", "@ApplicationPath(\"/api/\")", "public class App extends jakarta.ws.rs.core.Application {}");
    JavaFileObject resource = web("R", POLICY, "@Path(\"orders\")", "public class R {",
        "  @GET @Path(\"{id}\") public String get() { return \"\"; }", "}");
    Table table = Table.of(compile(with(app, resource)), "test");
    assertThat(table.source()).contains("# GET /api/orders/{id}\nhandler\ttest.R\tget()\ta0\n");
  }

  @Test
  void writesARowForEachHandlerMethodAPolicyCoversAndNoneForTheOthers() {
    JavaFileObject src = web("OrdersController",
        "@RestController @RequestMapping(\"/orders\")",
        "public class OrdersController {",
        "  " + POLICY,
        "  @GetMapping(\"/{id}\") public String get() { return \"\"; }",
        "  @GetMapping(\"/special\") public String special() { return \"\"; }",
        "}");
    JavaFileObject plain = web("PlainController", "@RestController", "public class PlainController {",
        "  @GetMapping(\"/plain\") public String plain() { return \"\"; }", "}");
    Compilation c = compile(with(src, plain));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(Table.packages(c)).containsExactly("test");
    Table table = Table.of(c, "test");
    assertThat(table.row("test.OrdersController", "get()")).isEqualTo("handler\ttest.OrdersController\tget()\ta0");
    assertThat(table.source()).contains("\nanswers\ta0\tr0\tr0\n");
    assertThat(table.answer("test.OrdersController", "get()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: MyAuthScheme");
    assertThat(table.rows()).isEqualTo(1);
    assertThat(table.source()).doesNotContain("PlainController");
  }

  @Test
  void writesNothingForControllersWhenNoControllerHasAPolicy() {
    JavaFileObject plain = web("PlainController", "@RestController", "public class PlainController {",
        "  @GetMapping(\"/plain\") public String plain() { return \"\"; }", "}");
    Compilation c = compile(with(plain));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(Table.file(c)).isEmpty();
  }

  @Nested
  class Precedence {
    private final JavaFileObject pkg = JavaFileObjects.forSourceString("test.package-info",
        "@ExpiryPolicy(status = 401, scheme = \"FromPackage\")\npackage test;\nimport dev.expiry.ExpiryPolicy;\n");

    @Test
    void aMethodPolicyWinsOverTheClassAndThePackage() {
      JavaFileObject src = web("C", "@ExpiryPolicy(status = 401, scheme = \"FromClass\")", "@RestController",
          "public class C {",
          "  @ExpiryPolicy(status = 401, scheme = \"FromMethod\")",
          "  @GetMapping(\"/m\") public String m() { return \"\"; }",
          "  @GetMapping(\"/c\") public String c() { return \"\"; }",
          "}");
      Table table = Table.of(compile(with(pkg, src)), "test");
      assertThat(table.answer("test.C", "m()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromMethod");
      assertThat(table.answer("test.C", "c()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromClass");
      assertThat(table.source()).doesNotContain("FromPackage");
    }

    @Test
    void aClassPolicyWinsOverThePackage() {
      JavaFileObject src = web("C", "@ExpiryPolicy(status = 401, scheme = \"FromClass\")", "@Path(\"/c\")",
          "public class C {", "  @GET public String c() { return \"\"; }", "}");
      Table table = Table.of(compile(with(pkg, src)), "test");
      assertThat(table.answer("test.C", "c()", "SESSION", "BROWSER")).isEqualTo("401 WWW-Authenticate: FromClass");
      assertThat(table.source()).doesNotContain("FromPackage");
    }

    @Test
    void aPackagePolicyCoversEndpointsWithoutTheirOwnServletsToo() {
      JavaFileObject controller = web("C", "@RestController", "public class C {",
          "  @GetMapping(\"/c\") public String c() { return \"\"; }", "}");
      JavaFileObject servlet = Sources.java("S", "public class S extends HttpServlet {}");
      Compilation c = compile(with(pkg, controller, servlet));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.C", "c()", "SESSION", "BROWSER")).isEqualTo("401 WWW-Authenticate: FromPackage");
      assertThat(table.answer("test.S", "*", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromPackage");
      assertThat(table.row("test.S", "*")).isEqualTo(table.row("test.C", "c()")
          .replace("handler\ttest.C\tc()\t", "servlet\ttest.S\t*\t"));
    }

    @Test
    void aPackagePolicyIsCheckedWhereItIsWritten() {
      JavaFileObject bad = JavaFileObjects.forSourceString("test.package-info",
          "@ExpiryPolicy(status = 401)\npackage test;\nimport dev.expiry.ExpiryPolicy;\n");
      Compilation c = compile(bad, Sources.java("S", "public class S extends HttpServlet {}"));
      assertThat(c).hadErrorContaining("[MissingChallenge]");
      assertThat(c).hadErrorContaining("[MissingChallenge]").inFile(bad).onLine(1);
      assertThat(c).hadErrorCount(1);
    }
  }

  @Nested
  class Composed {
    private final JavaFileObject api = web("ApiSessionPolicy",
        "@ExpiryPolicy(client = Client.API, status = 401, scheme = \"MyAuthScheme\")",
        "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "@Retention(RetentionPolicy.CLASS) @Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})",
        "public @interface ApiSessionPolicy {}");

    @Test
    void aComposedPolicyAppliesOnControllersMethodsAndServlets() {
      JavaFileObject controller = web("C", "@ApiSessionPolicy", "@RestController", "public class C {",
          "  @GetMapping(\"/c\") public String c() { return \"\"; }", "}");
      JavaFileObject servlet = Sources.java("S", "public class S extends HttpServlet {",
          "  @ApiSessionPolicy @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}", "}");
      Compilation c = compile(with(api, controller, servlet));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.C", "c()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: MyAuthScheme");
      assertThat(table.answer("test.C", "c()", "SESSION", "BROWSER")).isEqualTo("303 Location: /login");
      assertThat(table.answer("test.S", "GET", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: MyAuthScheme");
      assertThat(table.answer("test.S", "GET", "SESSION", "BROWSER")).isEqualTo("303 Location: /login");
    }

    @Test
    void diagnosticsAboutItsContentPointAtTheAnnotationTypeOnce() {
      JavaFileObject bad = web("Bad", "@ExpiryPolicy(status = 401)", "@Retention(RetentionPolicy.CLASS)",
          "public @interface Bad {}");
      JavaFileObject one = web("C", "@Bad", "@RestController", "public class C {",
          "  @GetMapping(\"/c\") public String c() { return \"\"; }", "}");
      JavaFileObject two = Sources.java("S", "@Bad", "public class S extends HttpServlet {}");
      Compilation c = compile(with(bad, one, two));
      assertThat(c).hadErrorContaining("[MissingChallenge]").inFile(bad).onLine(lineOf(bad, "@ExpiryPolicy"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void diagnosticsAboutItsUsePointAtTheUseSite() {
      JavaFileObject use = web("Helper", "public class Helper {", "  @ApiSessionPolicy public void help() {}", "}");
      Compilation c = compile(with(api, use));
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on method help() of class Helper")
          .inFile(use).onLine(lineOf(use, "@ApiSessionPolicy"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void aComposedAnnotationCompiledElsewhereIsReadFromItsClassFile() throws IOException {
      Compilation library = compile(with(api));
      assertThat(library).succeeded();
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("composed");
      for (JavaFileObject file : library.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS && file.getName().contains("ApiSessionPolicy")) {
          java.nio.file.Path out = dir.resolve("test").resolve(file.getName().replaceAll(".*/", ""));
          java.nio.file.Files.createDirectories(out.getParent());
          try (var in = file.openInputStream()) {
            java.nio.file.Files.copy(in, out);
          }
        }
      }
      java.util.List<java.io.File> classpath = new java.util.ArrayList<>();
      classpath.add(dir.toFile());
      Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
          .map(java.io.File::new).forEach(classpath::add);
      JavaFileObject controller = web("C", "@ApiSessionPolicy", "@RestController", "public class C {",
          "  @GetMapping(\"/c\") public String c() { return \"\"; }", "}");
      Compilation c = com.google.testing.compile.Compiler.javac().withProcessors(new ExpiryProcessor())
          .withClasspath(classpath).compile(with(controller));
      assertThat(c).succeededWithoutWarnings();
      assertThat(Table.of(c, "test").answer("test.C", "c()", "SESSION", "API"))
          .isEqualTo("401 WWW-Authenticate: MyAuthScheme");
    }
  }

  @Nested
  class NotAnEndpointOnFrameworks {
    @Test
    void aControllerMethodWithoutMappingIsNoEndpoint() {
      JavaFileObject src = web("C", "@RestController", "public class C {",
          "  " + POLICY, "  public String helper() { return \"\"; }", "}");
      Compilation c = compile(with(src));
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on method helper() of controller C, which has"
          + " no request mapping").inFile(src).onLine(lineOf(src, "@ExpiryPolicy"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void aResourceMethodWithoutDesignatorIsNoEndpoint() {
      JavaFileObject src = web("R", "@Path(\"/r\")", "public class R {",
          "  " + POLICY, "  @Path(\"sub\") public Object locator() { return null; }", "}");
      assertThat(compile(with(src))).hadErrorContaining("[NotAnEndpoint] This policy is on method locator() of resource R");
    }

    @Test
    void aMappingOutsideAControllerIsNoEndpoint() {
      JavaFileObject src = web("C", "public class C {",
          "  " + POLICY, "  @GetMapping(\"/x\") public String x() { return \"\"; }", "}");
      assertThat(compile(with(src))).hadErrorContaining("not a Spring MVC @Controller");
    }

    @Test
    void policiesOnControllerClassesAndHandlerMethodsAreFine() {
      JavaFileObject src = web("C", POLICY, "@RestController", "public class C {",
          "  " + OTHER, "  @DeleteMapping(\"/x\") public String x() { return \"\"; }", "}");
      assertThat(compile(with(src))).succeededWithoutWarnings();
    }
  }

  @Nested
  class RouteConflict {
    private JavaFileObject controller(String name, String policy, String mapping) {
      return controller(name, "@RequestMapping(\"/orders\")", policy, mapping);
    }

    private JavaFileObject controller(String name, String classMapping, String policy, String mapping) {
      return web(name, "@RestController " + classMapping, "public class " + name + " {",
          "  " + policy, "  " + mapping + " public String handle() { return \"\"; }", "}");
    }

    @Test
    void twoHandlersTheFrameworkCannotTellApartWithDifferentPoliciesConflict() {
      JavaFileObject a = controller("A", POLICY, "@GetMapping(\"/{id}\")");
      JavaFileObject b = controller("B", OTHER, "@GetMapping(path = \"/{key}\")");
      Compilation c = compile(with(a, b));
      assertThat(c).hadErrorContaining("[RouteConflict] The route GET /orders/{key} of B.handle() is also the route"
          + " GET /orders/{id} of A.handle(), and neither has another condition, but their policies for on = SESSION,"
          + " client = BROWSER send different responses (401 and 401). Spring MVC cannot tell the two apart either")
          .inFile(b).onLine(lineOf(b, "@GetMapping")).atColumn(Sources.columnOf(b, "@GetMapping"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void theSameConditionsWrittenDifferentlyAreTheSame() {
      JavaFileObject a = controller("A", POLICY,
          "@GetMapping(path = \"/{id}\", produces = {\"text/html\", \"application/json\"}, params = \"v=1\")");
      JavaFileObject b = controller("B", OTHER,
          "@GetMapping(path = \"/{key}\", produces = \"Application/JSON, text/html\", params = {\" v=1\"})");
      assertThat(compile(with(a, b))).hadErrorContaining("[RouteConflict] The route GET /orders/{key} of B.handle()"
          + " is also the route GET /orders/{id} of A.handle(), with the same params = [v=1], produces ="
          + " [application/json, text/html], but");
    }

    @Test
    void theClassesConditionsCountWhereTheMethodHasNone() {
      JavaFileObject a = controller("A", "@RequestMapping(path = \"/orders\", produces = \"application/json\")",
          POLICY, "@GetMapping(\"/{id}\")");
      JavaFileObject b = controller("B", OTHER, "@GetMapping(path = \"/{id}\", produces = \"application/json\")");
      JavaFileObject c = controller("C", "@RequestMapping(path = \"/orders\", produces = \"application/json\")",
          OTHER, "@GetMapping(path = \"/{id}\", produces = \"text/html\")");
      Compilation compilation = compile(with(a, b, c));
      assertThat(compilation).hadErrorContaining("[RouteConflict] The route GET /orders/{id} of B.handle()");
      assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void handlersThatDifferInAConditionDoNotConflict() {
      JavaFileObject a = controller("A", POLICY, "@GetMapping(path = \"/{id}\", params = \"v=1\")");
      JavaFileObject params = controller("B", OTHER, "@GetMapping(path = \"/{key}\", params = \"v=2\")");
      JavaFileObject headers = controller("C", OTHER, "@GetMapping(path = \"/{id}\", params = \"v=1\", headers = \"X-A=1\")");
      JavaFileObject produces = controller("D", OTHER, "@GetMapping(path = \"/{id}\", params = \"v=1\", produces = \"text/html\")");
      JavaFileObject consumes = controller("E", OTHER, "@GetMapping(path = \"/{id}\", params = \"v=1\", consumes = \"text/csv\")");
      assertThat(compile(with(a, params, headers, produces, consumes))).succeededWithoutWarnings();
    }

    @Test
    void aHandlerWithoutPolicyConflictsWithOneWithAPolicy() {
      JavaFileObject a = web("A", "@Path(\"/orders\")", "public class A {", "  " + POLICY,
          "  @GET @Path(\"{id}\") public String get() { return \"\"; }", "}");
      JavaFileObject b = web("B", "@Path(\"/orders/\")", "public class B {",
          "  @GET @Path(\"{key: [^/]+}\") public String get() { return \"\"; }", "}");
      assertThat(compile(with(a, b))).hadErrorContaining("[RouteConflict] The route GET /orders/{key: [^/]+} of B.get()"
          + " is also the route GET /orders/{id} of A.get(), and neither has another condition, but only one of them"
          + " has a policy for on = SESSION, client = BROWSER. JAX-RS cannot tell the two apart either");
    }

    @Test
    void jaxRsMediaTypesTellResourceMethodsApart() {
      JavaFileObject a = web("A", "@Path(\"/orders\") @Produces(\"application/json\")", "public class A {", "  " + POLICY,
          "  @GET @Path(\"{id}\") public String get() { return \"\"; }", "}");
      JavaFileObject b = web("B", "@Path(\"/orders\")", "public class B {", "  " + OTHER,
          "  @GET @Path(\"{id}\") @Produces(\"text/html\") public String get() { return \"\"; }", "}");
      JavaFileObject c = web("C", "@Path(\"/orders\")", "public class C {", "  " + OTHER,
          "  @GET @Path(\"{id}\") @Produces(\"application/json\") public String get() { return \"\"; }", "}");
      Compilation compilation = compile(with(a, b, c));
      assertThat(compilation).hadErrorContaining("[RouteConflict] The route GET /orders/{id} of C.get() is also the"
          + " route GET /orders/{id} of A.get(), with the same produces = [application/json]");
      assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nearMissesDoNotConflict() {
      JavaFileObject a = controller("A", POLICY, "@GetMapping(\"/{id}\")");
      JavaFileObject sameResponse = controller("B", POLICY, "@GetMapping(path = \"/{key}\")");
      JavaFileObject otherMethod = controller("C", OTHER, "@PostMapping(\"/{id}\")");
      JavaFileObject otherRegex = controller("D", OTHER, "@GetMapping(\"/{id:\\\\d+}\")");
      JavaFileObject anyMethod = controller("E", OTHER, "@RequestMapping(\"/{id}\")");
      assertThat(compile(with(a, sameResponse, otherMethod, otherRegex, anyMethod))).succeededWithoutWarnings();
    }

    @Test
    void subResourceMethodsConflictOnlyWithinTheirClass() {
      JavaFileObject one = web("One", "public class One {", "  " + POLICY,
          "  @GET @Path(\"{id}\") public String get() { return \"\"; }",
          "  " + OTHER, "  @GET @Path(\"{key}/\") public String other() { return \"\"; }", "}");
      JavaFileObject two = web("Two", "public class Two {", "  " + OTHER,
          "  @GET @Path(\"{id}\") public String get() { return \"\"; }", "}");
      Compilation c = compile(with(one, two));
      assertThat(c).hadErrorContaining("[RouteConflict] The route GET …/{key}/ of One.other() is also the route"
          + " GET …/{id} of One.get()").inFile(one).onLine(lineOf(one, "other()"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void anInheritedHandlerIsReportedOnTheClassThatInheritsIt() {
      JavaFileObject base = web("Base", "public abstract class Base {",
          "  @GetMapping(\"/{id}\") public String get() { return \"\"; }", "}");
      JavaFileObject a = web("A", POLICY, "@RestController @RequestMapping(\"/orders\")", "public class A extends Base {}");
      JavaFileObject b = web("B", OTHER, "@RestController @RequestMapping(\"/orders\")", "public class B extends Base {}");
      Compilation c = compile(with(base, a, b));
      assertThat(c).hadErrorContaining("[RouteConflict] The route GET /orders/{id} of B.get() is also the route"
          + " GET /orders/{id} of A.get()").inFile(b).onLine(lineOf(b, "public class B"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void canBeSuppressedOnTheMethod() {
      JavaFileObject a = controller("A", POLICY, "@GetMapping(\"/{id}\")");
      JavaFileObject b = controller("B", OTHER + " @SuppressWarnings(\"expiry:RouteConflict\")",
          "@GetMapping(path = \"/{key}\")");
      assertThat(compile(with(a, b))).succeededWithoutWarnings();
    }
  }

  /**
   * Runs {@link ExpiryProcessor} (through {@link Observed}, which records what it is handed and
   * returns) and then {@link Recorder}, which supports {@code "*"} like it: javac hands a later
   * processor only the annotations no earlier one claimed.
   */
  private static Compilation compileWithALaterProcessor(Observed expiry, Recorder later, JavaFileObject... sources) {
    return javac().withProcessors(expiry, later).compile(sources);
  }

  /**
   * In every round, a later processor gets {@code @ExpiryPolicy} exactly when ExpiryProcessor
   * was handed it and did not claim it (a processor not called in a round got nothing).
   */
  private static void assertLaterProcessorGotExpiryPolicyAsClaimed(Observed expiry, Recorder later) {
    for (int round = 0; round < expiry.handed.size(); round++) {
      boolean expected = expiry.handed.get(round).contains(EXPIRY_POLICY) && !expiry.claimed.get(round);
      assertWithMessage("round %s: Expiry handed %s, returned %s; later processor got %s", round + 1,
          expiry.handed.get(round), expiry.claimed.get(round), later.received(round))
          .that(later.received(round).contains(EXPIRY_POLICY)).isEqualTo(expected);
    }
  }

  private static final String EXPIRY_POLICY = "dev.expiry.ExpiryPolicy";

  @Test
  void aLaterProcessorStillReceivesTheFrameworkAnnotationsAndExpiryPolicyOnAController() {
    Observed expiry = new Observed();
    Recorder later = new Recorder(expiry);
    Compilation c = compileWithALaterProcessor(expiry, later, with(web("C", POLICY, "@RestController", "public class C {",
        "  @GetMapping(\"/c\") public String get() { return \"\"; }", "}")));
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test").hasRow("test.C", "get()")).isTrue();

    assertThat(expiry.handed.get(0)).containsAtLeast(EXPIRY_POLICY, "org.springframework.web.bind.annotation.RestController");
    assertThat(expiry.claimed.get(0)).isFalse();
    assertThat(later.received(0)).containsAtLeast(EXPIRY_POLICY, "org.springframework.web.bind.annotation.RestController",
        "org.springframework.web.bind.annotation.GetMapping");
    assertLaterProcessorGotExpiryPolicyAsClaimed(expiry, later);
  }

  @Test
  void aRoundWhoseOnlyAnnotationIsExpiryPolicyStillReachesALaterProcessor() {
    Observed expiry = new Observed();
    Recorder later = new Recorder(expiry);
    Compilation c = compileWithALaterProcessor(expiry, later,
        Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")"));
    assertThat(c).succeededWithoutWarnings();

    assertThat(expiry.handed.get(0)).containsExactly(EXPIRY_POLICY);
    assertThat(expiry.claimed.get(0)).isFalse();
    assertThat(later.received(0)).contains(EXPIRY_POLICY);
    assertLaterProcessorGotExpiryPolicyAsClaimed(expiry, later);
  }

  /** ExpiryProcessor itself, recording per round the annotation types it is handed and what it returns. */
  private static final class Observed extends AbstractProcessor {

    private final ExpiryProcessor expiry = new ExpiryProcessor();
    final List<Set<String>> handed = new ArrayList<>();
    final List<Boolean> claimed = new ArrayList<>();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      expiry.init(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return expiry.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return expiry.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return expiry.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      handed.add(names(annotations));
      boolean result = expiry.process(annotations, round);
      claimed.add(result);
      return result;
    }
  }

  /** A processor for {@code "*"} that claims nothing and records what it is handed in each round. */
  @SupportedAnnotationTypes("*")
  private static final class Recorder extends AbstractProcessor {

    private final Observed expiry;
    private final Map<Integer, Set<String>> byRound = new HashMap<>();

    Recorder(Observed expiry) {
      this.expiry = expiry;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      // ExpiryProcessor runs first in every round, so its count is this round's index.
      byRound.put(expiry.handed.size() - 1, names(annotations));
      return false;
    }

    /** What it was handed in the round (0-based), empty when it was not called. */
    Set<String> received(int round) {
      return byRound.getOrDefault(round, Set.of());
    }
  }

  private static Set<String> names(Set<? extends TypeElement> annotations) {
    Set<String> names = new TreeSet<>();
    annotations.forEach(a -> names.add(a.getQualifiedName().toString()));
    return names;
  }
}
