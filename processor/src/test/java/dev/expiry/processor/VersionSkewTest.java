package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.Reports.count;
import static dev.expiry.processor.Reports.errorAt;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.java;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * javac places a diagnostic on an enum constant's value at the dot of {@code Client.MOBILE}, as
 * for any qualified name; the tests look for that column.
 *
 * <p>A newer {@code expiry-runtime} than the processor: enum constants the processor does not know are
 * reported where they are written, never dropped; and values javac itself rejected get no rule
 * diagnostics of their own.
 */
class VersionSkewTest {

  /** {@code dev.expiry.Client} and {@code dev.expiry.Expired} as a newer runtime might declare them. */
  private static final JavaFileObject NEWER_CLIENT = JavaFileObjects.forSourceString("dev.expiry.Client",
      "package dev.expiry;\npublic enum Client { ANY, BROWSER, API, MOBILE }\n");
  private static final JavaFileObject NEWER_EXPIRED = JavaFileObjects.forSourceString("dev.expiry.Expired",
      "package dev.expiry;\npublic enum Expired { SESSION, ACCESS_TOKEN, CSRF_TOKEN, REFRESH_TOKEN }\n");

  @Test
  void anUnknownClientIsReportedOnItsValue() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "@ExpiryPolicy(client = Client.MOBILE, status = 401, scheme = \"MyAuthScheme\")",
        "public class S extends HttpServlet {}");
    Compilation c = compile(src, NEWER_CLIENT, NEWER_EXPIRED);
    assertThat(c).failed();
    errorAt(c, src, "UnreadableValue", ".MOBILE");
    assertThat(c).hadErrorContaining("client = Client.MOBILE is a value this Expiry processor does not know"
        + " (it knows ANY, BROWSER, API)");
    assertThat(c).hadErrorContaining("Explain: " + Explain.command("UnreadableValue"));
    // Nothing else: BrowserOnlyPolicy would otherwise see a BROWSER policy without its API twin.
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadWarningCount(0);
  }

  @Test
  void anUnknownExpiryOnAMethodIsReportedOnItsValue() {
    JavaFileObject src = java("S",
        "public class S extends HttpServlet {",
        "  @ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\",",
        "      on = Expired.REFRESH_TOKEN)",
        "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
        "}");
    Compilation c = compile(src, NEWER_CLIENT, NEWER_EXPIRED);
    errorAt(c, src, "UnreadableValue", ".REFRESH_TOKEN");
    assertThat(c).hadErrorContaining("on = Expired.REFRESH_TOKEN");
    assertThat(c).hadErrorContaining("(it knows SESSION, ACCESS_TOKEN, CSRF_TOKEN)");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void bothUnknownValuesOfOnePolicyAreReported() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\", client = Client.MOBILE, on = Expired.REFRESH_TOKEN)",
        "public class S extends HttpServlet {}");
    Compilation c = compile(src, NEWER_CLIENT, NEWER_EXPIRED);
    errorAt(c, src, "UnreadableValue", ".MOBILE");
    errorAt(c, src, "UnreadableValue", ".REFRESH_TOKEN");
    count(c, "UnreadableValue", 2);
  }

  @Test
  void anUnknownValueInARepeatedComposedAnnotationIsReportedAtItsDeclaration() {
    JavaFileObject composed = java("Mobile",
        "@ExpiryPolicy(client = Client.API, status = 401, scheme = \"MyAuthScheme\")",
        "@ExpiryPolicy(client = Client.MOBILE, status = 401, scheme = \"MyAuthScheme\")",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)",
        "public @interface Mobile {}");
    JavaFileObject use = java("S", "@Mobile", "public class S extends HttpServlet {}");
    Compilation c = compile(composed, use, NEWER_CLIENT, NEWER_EXPIRED);
    errorAt(c, composed, "UnreadableValue", ".MOBILE");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theUnknownValueCannotBeSuppressed() {
    JavaFileObject src = java("S",
        "@SuppressWarnings(\"expiry\")",
        "@ExpiryPolicy(client = Client.MOBILE, status = 401, scheme = \"MyAuthScheme\")",
        "public class S extends HttpServlet {}");
    Compilation c = compile(src, NEWER_CLIENT, NEWER_EXPIRED);
    errorAt(c, src, "UnreadableValue", ".MOBILE");
  }

  /** Values javac rejects: javac's error is the only one, no rule reports on what it could not read. */
  @ParameterizedTest
  @ValueSource(strings = {
      "status = \"401\", scheme = \"MyAuthScheme\"",
      "status = 401, scheme = 401",
      "status = 401, scheme = \"MyAuthScheme\", client = Client.MOBILE",
      "status = 401, scheme = \"MyAuthScheme\", client = Expired.SESSION",
      "status = 401, scheme = \"MyAuthScheme\", params = @Param(name = \"error\", value = 7)",
      "status = 401, scheme = \"MyAuthScheme\", params = @Param(name = \"error\")",
      "status = 401, scheme = \"MyAuthScheme\", realm = NO_SUCH_CONSTANT",
  })
  void valuesJavacRejectsGetOnlyJavacsError(String attributes) {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "@ExpiryPolicy(" + attributes + ")",
        "public class S extends HttpServlet {}");
    Compilation c = compile(src);
    assertThat(c).failed();
    for (Diagnostic<?> d : c.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (message.matches("(?s)\\[\\w+\\].*")) {
        throw new AssertionError("a rule reported on a value javac rejected: " + message);
      }
    }
  }
}
