package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
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
import dev.expiry.processor.write.PolicyFileWriter;
import dev.expiry.runtime.PolicyFileReading;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the processor writes, and how it behaves around javac. */
class ProcessorTest {

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
  void writesThePolicyFileWithEveryValueRenderedAndEveryAnswerDecided() {
    Compilation c = compile(ORDERS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, PolicyFileWriter.PATH).contentsAsUtf8String()
        .isEqualTo("""
        # Expiry policies: the answer each endpoint gives when a session, an access token or a CSRF
        # token has expired. Generated at compile time by dev.expiry.processor.ExpiryProcessor;
        # read by expiry-runtime at start-up. Do not edit.
        # Fields are separated by tabs; \\t, \\n, \\r and \\\\ stand for a tab, a line feed, a carriage return
        # and a backslash inside a field.
        #   response  <id> <status> <problem type> <title> <detail> [<header name> <header value>]...
        #   answers   <id> then, for the session, the access token and the CSRF token, the response a
        #             browser gets and the one an API client gets (- for none)
        #   servlet   <servlet class> <HTTP method, or * for every method without its own> <answers>
        #   handler   <controller or resource class> <handler method> <answers>
        expiry-policies\t1\t%s

        package\ttest
        response\tr0\t401\thttps://expiry.dev/problems/session-expired\tSession expired\tYour session has expired. Log in again to continue.\tWWW-Authenticate\tMyAuthScheme realm="http://example.com"
        response\tr1\t303\thttps://expiry.dev/problems/session-expired\tSession expired\tYour session has expired. Log in again to continue.\tLocation\t/login?next={path}
        response\tr2\t401\thttps://expiry.dev/problems/session-expired\tSession expired\tYour session has expired. Log in again to continue.\tWWW-Authenticate\tBearer realm="example", error="invalid_token", title="The \\\\"session\\\\" has expired"
        response\tr3\t403\thttps://expiry.dev/problems/csrf-token-expired\tForm expired\tReload it
        # session: browser 401, API 401
        answers\ta0\tr0\tr0
        # session: browser 303, API 401
        answers\ta1\tr1\tr0
        # session: browser 401, API 401
        answers\ta2\tr2\tr2
        # session: browser 401, API 401; CSRF token: browser 403, API 403
        answers\ta3\tr0\tr0\t-\t-\tr3\tr3
        # every method without its own policy
        servlet\ttest.OrdersServlet\t*\ta0
        # doGet()
        servlet\ttest.OrdersServlet\tGET\ta1
        # HEAD, as doGet()
        servlet\ttest.OrdersServlet\tHEAD\ta1
        # doPost()
        servlet\ttest.OrdersServlet\tPOST\ta2
        # doPut()
        servlet\ttest.OrdersServlet\tPUT\ta3
        """.formatted(PolicyFileWriter.processorVersion()));
    assertThat(PolicyFileReading.read(Table.file(c).orElseThrow())).hasSize(5);
  }

  @Test
  void headFollowsGetOnlyWhenDoHeadIsNotOverridden() {
    JavaFileObject withHead = java("S",
        "public class S extends HttpServlet {",
        "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "  @Override protected void doHead(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    Table table = Table.of(compile(withHead), "test");
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
    Table inherited = Table.of(compile(inheritedHead, sub), "test");
    assertThat(inherited.hasRow("test.T", "GET")).isTrue();
    assertThat(inherited.hasRow("test.T", "HEAD")).isFalse();

    JavaFileObject plain = java("U",
        "public class U extends HttpServlet {",
        "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    Table follows = Table.of(compile(plain), "test");
    assertThat(follows.row("test.U", "HEAD")).isEqualTo(follows.row("test.U", "GET").replace("\tGET\t", "\tHEAD\t"));
    assertThat(follows.source()).contains("# HEAD, as doGet()\nservlet\ttest.U\tHEAD\t");
  }

  @Test
  void proxyAuthenticationUsesProxyAuthenticate() {
    Table table = Table.of(compile(Sources.servlet("@ExpiryPolicy(status = 407, scheme = \"MyProxy\")")), "test");
    assertThat(table.source()).contains("response\tr0\t407\thttps://expiry.dev/problems/session-expired\tSession expired\tYour session has expired."
        + " Log in again to continue.\tProxy-Authenticate\tMyProxy\n");
    assertThat(table.answer("test.S", "*", "SESSION", "API")).isEqualTo("407 Proxy-Authenticate: MyProxy");
  }

  @Test
  void aTypeLeftOutIsTheUriOfWhatExpiredOneWrittenOutIsKept() {
    String source = Table.of(compile(Sources.servlet(
        "@ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 401, scheme = \"Bearer\", realm = \"api\")"
            + " @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403)"
            + " @ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\", type = \"about:blank\")")), "test").source();
    assertThat(source).contains("\t401\thttps://expiry.dev/problems/access-token-expired\tAccess token expired\t");
    assertThat(source).contains("\t403\thttps://expiry.dev/problems/csrf-token-expired\tCSRF token expired\t");
    assertThat(source).contains("\t401\tabout:blank\tSession expired\t");
  }

  @Test
  void nestedServletsAreListedByTheirBinaryName() {
    JavaFileObject src = java("Outer",
        "public class Outer {",
        "  @ExpiryPolicy(status = 401, scheme = \"X\")",
        "  public static class Inner extends HttpServlet {}",
        "}");
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(Table.of(c, "test").row("test.Outer$Inner", "*")).isEqualTo("servlet\ttest.Outer$Inner\t*\ta0");
    assertThat(Table.packages(c)).containsExactly("test");
  }

  @Test
  void oneSectionListsEveryEndpointOfThePackage() {
    Compilation c = compile(
        java("Zeta", "@ExpiryPolicy(status = 401, scheme = \"X\")", "public class Zeta extends HttpServlet {}"),
        ORDERS,
        java("Alpha", "public class Alpha extends HttpServlet {",
            "  @ExpiryPolicy(status = 401, scheme = \"X\")",
            "  @Override protected void doPut(HttpServletRequest q, HttpServletResponse r) {}", "}"),
        java("Plain", "public class Plain extends HttpServlet {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(Table.packages(c)).containsExactly("test");
    Table table = Table.of(c, "test");
    assertThat(table.answer("test.Alpha", "PUT", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: X");
    assertThat(table.answer("test.Zeta", "*", "SESSION", "BROWSER")).isEqualTo("401 WWW-Authenticate: X");
    assertThat(table.answer("test.OrdersServlet", "POST", "SESSION", "API")).startsWith("401 WWW-Authenticate: Bearer");
    assertThat(table.source()).doesNotContain("test.Plain");
    // A servlet without a policy needs no row; one answered by nothing but its own methods has no "*" row.
    assertThat(table.hasRow("test.Alpha", "*")).isFalse();
    assertThat(table.rows()).isEqualTo(7);
  }

  @Test
  void onePolicyFileHasASectionForEveryPackageSorted() {
    Compilation c = compile(
        servletIn("test.zeta", "Z"), servletIn("test.alpha", "A"), servletIn("test.alpha.inner", "B"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(Table.packages(c)).containsExactly("test.alpha", "test.alpha.inner", "test.zeta").inOrder();
    // Ids are local to their section: each package numbers its own from 0.
    assertThat(Table.of(c, "test.zeta").row("test.zeta.Z", "*")).isEqualTo("servlet\ttest.zeta.Z\t*\ta0");
  }

  private static JavaFileObject servletIn(String pkg, String name) {
    return servletIn(pkg, name, "@dev.expiry.ExpiryPolicy(status = 401, scheme = \"X\")");
  }

  /** A servlet {@code pkg.name} with one class-level annotation line (or an empty one). */
  private static JavaFileObject servletIn(String pkg, String name, String annotation) {
    return JavaFileObjects.forSourceLines(pkg + "." + name, "package " + pkg + ";", annotation,
        "public class " + name + " extends jakarta.servlet.http.HttpServlet {}");
  }

  @Test
  void outputIsTheSameBytesEveryTime() {
    Compilation first = compile(ORDERS, Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"X\")"),
        servletIn("test.other", "O"));
    Compilation second = compile(servletIn("test.other", "O"),
        Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"X\")"), ORDERS);
    assertEquals(Table.file(first).orElseThrow(), Table.file(second).orElseThrow());
    assertThat(Table.packages(first)).containsExactly("test", "test.other").inOrder();
  }

  /**
   * The policy file is data, not a source: javac runs the round of the sources and the last,
   * empty one, and no round to compile anything generated.
   */
  @Test
  void theCompilationNeedsNoRoundBetweenTheFirstAndTheLast() {
    Rounds rounds = new Rounds();
    Compilation c = javac().withProcessors(new ExpiryProcessor(), rounds).compile(ORDERS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(rounds.count).isEqualTo(2);
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(Table.packages(c)).containsExactly("test");
  }

  /** Counts the rounds it is called in; supports every annotation and claims none. */
  static final class Rounds extends AbstractProcessor {
    int count;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      count++;
      return false;
    }
  }

  /** Incremental builds: an IDE or Gradle compiles some sources again into an output that holds the rest. */
  @Nested
  class Incremental {
    @TempDir Path out;

    @Test
    void theSectionsOfPackagesNotCompiledAgainAreKept() throws IOException {
      compileInto(out, servletIn("test.one", "A"), servletIn("test.two", "B"));
      String before = policyFile(out).orElseThrow();
      compileInto(out, servletIn("test.two", "B", "@dev.expiry.ExpiryPolicy(status = 401, scheme = \"Changed\")"));
      String after = policyFile(out).orElseThrow();
      assertThat(Table.of(after, "test.one").source()).isEqualTo(Table.of(before, "test.one").source());
      assertThat(Table.of(after, "test.two").answer("test.two.B", "*", "SESSION", "API"))
          .isEqualTo("401 WWW-Authenticate: Changed");
      assertThat(Table.packages(after)).containsExactly("test.one", "test.two").inOrder();
    }

    @Test
    void aPackageCompiledInPartStillListsTheEndpointsCompiledEarlier() throws IOException {
      compileInto(out, servletIn("test.one", "A"), servletIn("test.one", "B"));
      compileInto(out, servletIn("test.one", "B", "@dev.expiry.ExpiryPolicy(status = 401, scheme = \"Changed\")"));
      Table table = Table.of(policyFile(out).orElseThrow(), "test.one");
      assertThat(table.answer("test.one.A", "*", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: X");
      assertThat(table.answer("test.one.B", "*", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: Changed");
      assertThat(table.rows()).isEqualTo(2);
    }

    @Test
    void aPackageWhoseLastPolicyIsRemovedLosesItsSection() throws IOException {
      compileInto(out, servletIn("test.one", "A"), servletIn("test.two", "B"));
      compileInto(out, servletIn("test.two", "B", ""));
      assertThat(Table.packages(policyFile(out).orElseThrow())).containsExactly("test.one");
    }

    @Test
    void whenTheLastSectionGoesTheFileStillReadsAsAPolicyFile() throws IOException {
      compileInto(out, servletIn("test.one", "A"));
      compileInto(out, servletIn("test.one", "A", ""));
      // The file cannot be deleted through the Filer: what is left must be a file the runtime reads, with nothing in it.
      String file = policyFile(out).orElseThrow();
      assertThat(PolicyFileReading.read(file)).isEmpty();
      assertThat(Table.packages(file)).isEmpty();
    }
  }

  /**
   * Compiles with the system javac into {@code out}, which is on the class path too, as the
   * class output of an incremental build is.
   */
  private static void compileInto(Path out, JavaFileObject... sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
      List<Path> classpath = new ArrayList<>(List.of(out));
      Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
          .forEach(classpath::add);
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, List.of(), null, List.of(sources));
      task.setProcessors(List.of(new ExpiryProcessor()));
      assertWithMessage("%s", diagnostics.getDiagnostics()).that(task.call()).isTrue();
      assertWithMessage("%s", diagnostics.getDiagnostics()).that(diagnostics.getDiagnostics()).isEmpty();
    }
  }

  private static Optional<String> policyFile(Path out) throws IOException {
    Path file = out.resolve(PolicyFileWriter.PATH);
    return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
  }

  /** Every lint but "processing", which flags the annotations that no processor claims. */
  @Test
  void theCompilationIsCleanUnderEveryLint() {
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
    JavaFileObject early = java("Early", "@ExpiryPolicy(status = 401, scheme = \"Early\")",
        "public class Early extends HttpServlet {}");
    Compilation c = javac().withProcessors(new Generator("test.GeneratedBase",
        "public abstract class GeneratedBase extends jakarta.servlet.http.HttpServlet {}"), new ExpiryProcessor())
        .compile(TRIGGER, src, early);
    assertThat(c).succeededWithoutWarnings();
    // Read in different rounds, the package's endpoints are still one section of one file.
    Table table = Table.of(c, "test");
    assertThat(table.answer("test.S", "*", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: MyAuthScheme");
    assertThat(table.answer("test.Early", "*", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: Early");
    assertThat(Table.packages(c)).containsExactly("test");
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
    assertThat(Table.of(c, "test").answer("test.S", "GET", "SESSION", "API"))
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
    assertThat(Table.of(c, "test").source()).contains("# GET /orders/{id}\nhandler\ttest.C\tget()\ta0\n");
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
        + " and it has no line in the policy file.")
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
}
