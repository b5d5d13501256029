package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.Sources.columnOf;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.java;
import static dev.expiry.processor.Sources.lineOf;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules about kinds of client and kinds of expiry, on repeated policies. */
class ClientRulesTest {

  /** The issue's own example: browser to the login page, API a challenge, CSRF its own answer. */
  static final JavaFileObject SHOP = java("Shop",
      "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login?next={path}\")",
      "@ExpiryPolicy(client = Client.API, status = 401, scheme = \"MyAuthScheme\", realm = \"shop\",",
      "              params = @Param(name = \"error\", value = \"session_expired\"))",
      "@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = \"CSRF token expired\",",
      "              detail = \"Reload the form and submit it again\")",
      "public class Shop extends HttpServlet {}");

  @Test
  void theFullExampleIsClean() {
    assertThat(compile(SHOP)).succeededWithoutWarnings();
  }

  @Test
  void diagnosticsOnARepeatedPolicyPointIntoIt() {
    JavaFileObject src = java("S",
        "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
        "@ExpiryPolicy(client = Client.API, status = 401, scheme = \"Bad Scheme\")",
        "public class S extends HttpServlet {}");
    assertThat(compile(src)).hadErrorContaining("[InvalidScheme]")
        .inFile(src).onLine(lineOf(src, "Bad Scheme")).atColumn(columnOf(src, "\"Bad Scheme\""));
  }

  @Nested
  class ConflictingPolicies {
    @Test
    void sameOnAndClientTwiceFailsOnTheSecond() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(status = 401, scheme = \"A\")",
          "@ExpiryPolicy(status = 401, scheme = \"B\")",
          "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[ConflictingPolicies] This policy answers on = SESSION, client = ANY")
          .inFile(src).onLine(lineOf(src, "scheme = \"B\"")).atColumn(1);
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void defaultsCountAsWritten() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(on = Expired.SESSION, client = Client.ANY, status = 401, scheme = \"A\")",
          "@ExpiryPolicy(status = 401, scheme = \"B\")",
          "public class S extends HttpServlet {}");
      assertThat(compile(src)).hadErrorContaining("[ConflictingPolicies]").inFile(src).onLineContaining("\"B\"");
    }

    @Test
    void differentClientOrOnIsNoConflict() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(status = 401, scheme = \"A\")",
          "@ExpiryPolicy(client = Client.API, status = 401, scheme = \"B\")",
          "@ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 401, scheme = \"Bearer\", realm = \"api\")",
          "public class S extends HttpServlet {}");
      assertThat(compile(src)).succeededWithoutWarnings();
    }
  }

  @Nested
  class BrowserOnlyPolicy {
    @Test
    void browserPolicyAloneWarnsOnItsClient() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
          "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).succeeded();
      assertThat(c).hadWarningContaining("[BrowserOnlyPolicy] This policy answers only browsers")
          // javac places a qualified name (Client.BROWSER) at its last dot
          .inFile(src).onLine(lineOf(src, "Client.BROWSER")).atColumn(columnOf(src, ".BROWSER"));
      assertThat(c).hadWarningCount(1);
    }

    @Test
    void apiPolicyForAnotherExpiryDoesNotCount() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
          "@ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 401, scheme = \"Bearer\", realm = \"api\")",
          "public class S extends HttpServlet {}");
      assertThat(compile(src)).hadWarningContaining("[BrowserOnlyPolicy]");
    }

    @Test
    void aClassPolicyCoversScriptClientsOfAMethodPolicy() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
          "public class S extends HttpServlet {",
          "  @ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
          "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
          "}");
      assertThat(compile(src)).succeededWithoutWarnings();
    }
  }

  @Nested
  class RedirectForApi {
    @ParameterizedTest
    @ValueSource(strings = {"", "client = Client.ANY, ", "client = Client.API, "})
    void redirectForScriptClientsWarnsOnTheStatus(String client) {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(" + client + "status = 302, location = \"/login\")",
          "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).hadWarningContaining("[RedirectForApi] A 302 redirect for client = ")
          .inFile(src).onLine(lineOf(src, "302")).atColumn(columnOf(src, "302"));
      assertThat(c).hadWarningCount(1);
    }

    @Test
    void redirectForBrowsersIsClean() {
      assertThat(compile(Sources.browserRedirect(302, "/login"))).succeededWithoutWarnings();
    }
  }

  @Nested
  class ChallengeForCsrf {
    @Test
    void unauthorizedForACsrfTokenWarnsOnTheStatus() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 401, scheme = \"MyAuthScheme\")",
          "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).hadWarningContaining("[ChallengeForCsrf] A stale CSRF token is not an authentication problem")
          .inFile(src).onLine(lineOf(src, "401")).atColumn(columnOf(src, "401"));
      assertThat(c).hadWarningCount(1);
    }

    @Test
    void aChallengeOnAnotherStatusWarnsOnTheScheme() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 400, scheme = \"MyAuthScheme\")",
          "public class S extends HttpServlet {}");
      assertThat(compile(src)).hadWarningContaining("[ChallengeForCsrf]")
          .inFile(src).onLine(lineOf(src, "MyAuthScheme")).atColumn(columnOf(src, "\"MyAuthScheme\""));
    }

    @Test
    void forbiddenWithATitleIsClean() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = \"Form expired\")",
          "public class S extends HttpServlet {}");
      assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void aChallengeForASessionIsNoBusinessOfThisRule() {
      assertThat(compile(Sources.servlet("@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")"))).succeededWithoutWarnings();
    }
  }
}
