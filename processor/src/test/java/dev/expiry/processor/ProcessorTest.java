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
  void generatesTheHandlerWithEveryValueRenderedAndEveryAnswerDecided() {
    Compilation c = compile(ORDERS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.OrdersServlet_ExpiryHandler").contentsAsUtf8String().isEqualTo("""
        package test;

        import dev.expiry.Client;
        import dev.expiry.Expired;
        import dev.expiry.runtime.ExpiryHandler;
        import javax.annotation.processing.Generated;

        /**
         * The expiry policies of {@code test.OrdersServlet}, rendered at compile time.
         */
        @Generated("dev.expiry.processor.ExpiryProcessor")
        public final class OrdersServlet_ExpiryHandler implements ExpiryHandler {
          private static final String ENDPOINT = "test.OrdersServlet";

          /**
           * The WWW-Authenticate challenge declared on the class.
           */
          private static final String CLASS_CHALLENGE = "MyAuthScheme realm=\\"http://example.com\\"";

          /**
           * The Location declared on doGet().
           */
          private static final String DO_GET_BROWSER_LOCATION = "/login?next={path}";

          /**
           * The WWW-Authenticate challenge declared on doPost().
           */
          private static final String DO_POST_CHALLENGE = "Bearer realm=\\"example\\", error=\\"invalid_token\\", title=\\"The \\\\\\"session\\\\\\" has expired\\"";

          /**
           * Called by {@link java.util.ServiceLoader}.
           */
          public OrdersServlet_ExpiryHandler() {
          }

          @Override
          public String endpoint() {
            return ENDPOINT;
          }

          @Override
          public void declare(ExpiryHandler.Policies policies) {
            ExpiryHandler.Response classResponse = policies.response(401, "about:blank", "Session expired", "Your session has expired. Log in again to continue.", "WWW-Authenticate", CLASS_CHALLENGE);
            ExpiryHandler.Response doGetBrowserResponse = policies.response(303, "about:blank", "Session expired", "Your session has expired. Log in again to continue.", "Location", DO_GET_BROWSER_LOCATION);
            ExpiryHandler.Response doPostResponse = policies.response(401, "about:blank", "Session expired", "Your session has expired. Log in again to continue.", "WWW-Authenticate", DO_POST_CHALLENGE);
            ExpiryHandler.Response doPutCsrfTokenResponse = policies.response(403, "about:blank", "Form expired", "Reload it");
            policies.answer(ExpiryHandler.Policies.ANY_METHOD, Expired.SESSION, Client.BROWSER, classResponse);
            policies.answer(ExpiryHandler.Policies.ANY_METHOD, Expired.SESSION, Client.API, classResponse);
            policies.answer("GET", Expired.SESSION, Client.BROWSER, doGetBrowserResponse);
            policies.answer("GET", Expired.SESSION, Client.API, classResponse);
            policies.answer("HEAD", Expired.SESSION, Client.BROWSER, doGetBrowserResponse);
            policies.answer("HEAD", Expired.SESSION, Client.API, classResponse);
            policies.answer("POST", Expired.SESSION, Client.BROWSER, doPostResponse);
            policies.answer("POST", Expired.SESSION, Client.API, doPostResponse);
            policies.answer("PUT", Expired.SESSION, Client.BROWSER, classResponse);
            policies.answer("PUT", Expired.SESSION, Client.API, classResponse);
            policies.answer("PUT", Expired.CSRF_TOKEN, Client.BROWSER, doPutCsrfTokenResponse);
            policies.answer("PUT", Expired.CSRF_TOKEN, Client.API, doPutCsrfTokenResponse);
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
    String handler = generated(compile(withHead), "test.S_ExpiryHandler");
    assertThat(handler).contains("policies.answer(\"GET\"");
    assertThat(handler).doesNotContain("\"HEAD\"");

    JavaFileObject inheritedHead = java("Base",
        "public abstract class Base extends HttpServlet {",
        "  @Override protected void doHead(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    JavaFileObject sub = java("T",
        "public class T extends Base {",
        "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    assertThat(generated(compile(inheritedHead, sub), "test.T_ExpiryHandler")).doesNotContain("\"HEAD\"");
  }

  @Test
  void proxyAuthenticationUsesProxyAuthenticate() {
    String handler = generated(compile(Sources.servlet("@ExpiryPolicy(status = 407, scheme = \"MyProxy\")")),
        "test.S_ExpiryHandler");
    assertThat(handler).contains("policies.response(407, \"about:blank\", \"Session expired\", \"Your session has expired. Log in again to continue.\", \"Proxy-Authenticate\", CLASS_CHALLENGE)");
    assertThat(handler).contains("CLASS_CHALLENGE = \"MyProxy\"");
  }

  @Test
  void nestedServletsGetAFlatHandlerNameAndTheirBinaryName() {
    JavaFileObject src = java("Outer",
        "public class Outer {",
        "  @ExpiryPolicy(status = 401, scheme = \"X\")",
        "  public static class Inner extends HttpServlet {}",
        "}");
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "test.Outer_Inner_ExpiryHandler")).contains("ENDPOINT = \"test.Outer$Inner\"");
    assertThat(index(c)).isEqualTo("test.Outer_Inner_ExpiryHandler\n");
  }

  @Test
  void indexListsEveryHandlerOfTheCompilationSorted() {
    Compilation c = compile(
        java("Zeta", "@ExpiryPolicy(status = 401, scheme = \"X\")", "public class Zeta extends HttpServlet {}"),
        ORDERS,
        java("Alpha", "public class Alpha extends HttpServlet {",
            "  @ExpiryPolicy(status = 401, scheme = \"X\")",
            "  @Override protected void doPut(HttpServletRequest q, HttpServletResponse r) {}", "}"),
        java("Plain", "public class Plain extends HttpServlet {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(index(c)).isEqualTo(
        "test.Alpha_ExpiryHandler\ntest.OrdersServlet_ExpiryHandler\ntest.Zeta_ExpiryHandler\n");
  }

  @Test
  void outputIsTheSameBytesEveryTime() {
    Compilation first = compile(ORDERS, Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"X\")"));
    Compilation second = compile(Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"X\")"), ORDERS);
    assertEquals(generated(first, "test.OrdersServlet_ExpiryHandler"), generated(second, "test.OrdersServlet_ExpiryHandler"));
    assertEquals(generated(first, "test.S_ExpiryHandler"), generated(second, "test.S_ExpiryHandler"));
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

  @Test
  void aServletWhoseSuperclassAnotherProcessorGeneratesIsDeferredNotRejected() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
        "@test.GenerateBase",
        "public class S extends GeneratedBase {}");
    JavaFileObject trigger = JavaFileObjects.forSourceLines("test.GenerateBase",
        "package test;", "public @interface GenerateBase {}");
    Compilation c = javac().withProcessors(new BaseGenerator(), new ExpiryProcessor()).compile(trigger, src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "test.S_ExpiryHandler")).contains("ENDPOINT = \"test.S\"");
    assertThat(index(c)).isEqualTo("test.S_ExpiryHandler\n");
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

  /** Generates {@code test.GeneratedBase extends HttpServlet} when it sees {@code @GenerateBase}. */
  static final class BaseGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("test.GenerateBase");
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
      try (Writer w = processingEnv.getFiler().createSourceFile("test.GeneratedBase").openWriter()) {
        w.write("package test;\npublic abstract class GeneratedBase extends jakarta.servlet.http.HttpServlet {}\n");
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
      }
      return false;
    }
  }

  private static String generated(Compilation c, String qualifiedName) {
    try {
      return c.generatedSourceFile(qualifiedName)
          .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName))
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
