package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.Sources.browserRedirect;
import static dev.expiry.processor.Sources.columnOf;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.java;
import static dev.expiry.processor.Sources.lineOf;
import static dev.expiry.processor.Sources.servlet;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that keep a policy servable: each fires where it should, and only there. */
class CoreRulesTest {

  @Nested
  class MissingChallenge {
    @Test
    void unauthorizedWithoutSchemeFailsOnTheAnnotation() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401)");
      Compilation c = compile(src);
      assertThat(c).failed();
      assertThat(c).hadErrorContaining("[MissingChallenge] A 401 response must carry a WWW-Authenticate challenge")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy(status = 401)")).atColumn(1);
      assertThat(c).hadErrorContaining("RFC 9110 §15.5.2");
      assertThat(c).hadErrorContaining("Explain: " + Explain.command("MissingChallenge"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void proxyAuthenticationRequiredNeedsProxyAuthenticate() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 407)");
      assertThat(compile(src)).hadErrorContaining("[MissingChallenge] A 407 response must carry a Proxy-Authenticate")
          .inFile(src).onLineContaining("status = 407");
    }

    @Test
    void unauthorizedWithSchemeIsClean() {
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")"))).succeededWithoutWarnings();
    }
  }

  @Nested
  class InvalidScheme {
    @ParameterizedTest
    @ValueSource(strings = {"My Auth", "Bearer,", "Sch\\u00e9me", "a(b)", "x\\ty"})
    void nonTokenSchemeFailsOnTheSchemeValue(String scheme) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"" + scheme + "\")");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[InvalidScheme] The scheme")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"" + scheme));
      assertThat(c).hadErrorContaining("RFC 9110 §11.1");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void namesTheOffendingCharacter() {
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"My Auth\")")))
          .hadErrorContaining("SP (U+0020) at index 2 is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyAuthScheme", "Bearer", "x-session!", "A.B_C~1"})
    void tokenSchemesAreClean(String scheme) {
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"" + scheme + "\", realm = \"r\")"))).succeededWithoutWarnings();
    }
  }

  @Nested
  class InvalidParam {
    @Test
    void nonTokenNameFailsOnTheName() {
      JavaFileObject src = servlet(
          "@ExpiryPolicy(status = 401, scheme = \"X\", params = @Param(name = \"err or\", value = \"v\"))");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[InvalidParam] The param name \"err or\" is not a token")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"err or\""));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void emptyNameFails() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"X\", params = @Param(name = \"\", value = \"v\"))");
      assertThat(compile(src)).hadErrorContaining("[InvalidParam] A param name is empty")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"\""));
    }

    @Test
    void repeatedNameFailsCaseInsensitivelyOnTheSecond() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(status = 401, scheme = \"X\", params = {",
          "    @Param(name = \"error\", value = \"a\"),",
          "    @Param(name = \"Error\", value = \"b\")})",
          "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[InvalidParam] The param \"Error\" is given twice")
          .inFile(src).onLine(lineOf(src, "\"Error\"")).atColumn(columnOf(src, "\"Error\""));
      assertThat(c).hadErrorContaining("RFC 9110 §11.2");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void paramNamedRealmRepeatsTheRealm() {
      JavaFileObject src = servlet(
          "@ExpiryPolicy(status = 401, scheme = \"X\", realm = \"r\", params = @Param(name = \"REALM\", value = \"s\"))");
      assertThat(compile(src)).hadErrorContaining("[InvalidParam] The param \"REALM\" is given twice (realm is set by the realm attribute)")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"REALM\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\r\\nSet-Cookie: x=y", "line\\nbreak", "nul\\u0000", "caf\\u00e9", "del\\u007f"})
    void unsafeValueFailsOnTheValue(String value) {
      JavaFileObject src = servlet(
          "@ExpiryPolicy(status = 401, scheme = \"X\", params = @Param(name = \"n\", value = \"" + value + "\"))");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[InvalidParam] The value of param \"n\" contains")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"" + value));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void unsafeRealmFailsOnTheRealm() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"X\", realm = \"a\\rb\")");
      assertThat(compile(src)).hadErrorContaining("[InvalidParam] The realm contains CR (U+000D) at index 1")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"a\\rb\""));
    }

    @Test
    void quotesBackslashesTabsAndSpacesAreFineBecauseTheyAreEscapedOrAllowed() {
      assertThat(compile(servlet(
          "@ExpiryPolicy(status = 401, scheme = \"X\", realm = \"say \\\"hi\\\"\", params = @Param(name = \"p\", value = \"a\\\\b\\tc\"))")))
          .succeededWithoutWarnings();
    }
  }

  @Nested
  class NotAnErrorStatus {
    @ParameterizedTest
    @ValueSource(ints = {0, 99, 200, 204, 299, 304, 600, 999, -1})
    void nonErrorStatusFailsOnTheStatusValue(int status) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = " + status + ", location = \"/x\")");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[NotAnErrorStatus]")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, String.valueOf(status)));
    }

    @Test
    void aNumberThatIsNoStatusCodeCannotBeTurnedOffButA200Can() {
      String[] off = {"-Aexpiry.NotAnErrorStatus=off"};
      JavaFileObject huge = servlet("@ExpiryPolicy(status = 1000, scheme = \"X\")");
      assertThat(Sources.compileWith(off, huge)).hadErrorContaining("[NotAnErrorStatus] An expired session needs")
          .inFile(huge).onLine(lineOf(huge, "1000")).atColumn(columnOf(huge, "1000"));
      assertThat(Sources.compileWith(off, servlet("@ExpiryPolicy(status = 200)"))).succeededWithoutWarnings();
    }

    @Test
    void explainsWhy304IsWrong() {
      assertThat(compile(servlet("@ExpiryPolicy(status = 304, location = \"/x\")")))
          .hadErrorContaining("304 Not Modified answers a conditional request");
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 303, 399})
    void redirectsAreErrorStatusesForThisRule(int status) {
      assertThat(compile(browserRedirect(status, "/login"))).succeeded();
    }
  }

  @Nested
  class MissingLocation {
    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectWithoutLocationFails(int status) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = " + status + ")");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[MissingLocation] A " + status + " redirect needs a Location")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(1);
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void redirectWithLocationIsClean() {
      assertThat(compile(browserRedirect(303, "/login"))).succeededWithoutWarnings();
    }
  }

  @Nested
  class UnsafeLocation {
    @ParameterizedTest
    @ValueSource(strings = {"/login\\r\\nX: y", "/log in", "/caf\\u00e9"})
    void unsendableCharactersFail(String location) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 303, location = \"" + location + "\")");
      assertThat(compile(src)).hadErrorContaining("[UnsafeLocation] The location contains")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"" + location));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/login", "javascript:alert(1)", "data:text/html,x", "ftp://host/x",
        "/login/{path}", "{path}?x=1", "/\\\\evil.example/login", "\\\\\\\\evil.example"})
    void foreignTargetsFail(String location) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 303, location = \"" + location + "\")");
      assertThat(compile(src)).hadErrorContaining("[UnsafeLocation]")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(columnOf(src, "\"" + location));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/login?next=/a:b", "https://sso.example.com/login", "HTTP://example.com", "login",
        "/login?next={path}", "/login?a=b&next={path}&c=d"})
    void pathsAndWebUrlsAreClean(String location) {
      assertThat(compile(browserRedirect(303, location))).succeededWithoutWarnings();
    }
  }

  @Nested
  class NotAnEndpoint {
    @Test
    void onAClassThatIsNoServlet() {
      JavaFileObject src = java("S",
          "@ExpiryPolicy(status = 401, scheme = \"X\")",
          "public class S {}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on class S, which is not an HttpServlet")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(1);
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void onAnInterface() {
      JavaFileObject src = java("S", "@ExpiryPolicy(status = 401, scheme = \"X\")", "public interface S {}");
      assertThat(compile(src)).hadErrorContaining("[NotAnEndpoint] This policy is on interface S")
          .inFile(src).onLineContaining("@ExpiryPolicy");
    }

    @Test
    void onAServletMethodThatIsNoDoMethod() {
      JavaFileObject src = java("S",
          "public class S extends HttpServlet {",
          "  @ExpiryPolicy(status = 401, scheme = \"X\")",
          "  void helper() {}",
          "}");
      assertThat(compile(src)).hadErrorContaining("[NotAnEndpoint] This policy is on method helper() of servlet S")
          .inFile(src).onLine(lineOf(src, "@ExpiryPolicy")).atColumn(3);
    }

    @Test
    void onADoMethodWithTheWrongSignature() {
      JavaFileObject src = java("S",
          "public class S extends HttpServlet {",
          "  @ExpiryPolicy(status = 401, scheme = \"X\")",
          "  void doGet(String nope) {}",
          "}");
      assertThat(compile(src)).hadErrorContaining("[NotAnEndpoint] This policy is on method doGet() of servlet S")
          .inFile(src).onLineContaining("@ExpiryPolicy");
    }

    @Test
    void onAMethodOfAClassThatIsNoServlet() {
      JavaFileObject src = java("S",
          "public class S {",
          "  @ExpiryPolicy(status = 401, scheme = \"X\")",
          "  void doGet(HttpServletRequest q, HttpServletResponse r) {}",
          "}");
      assertThat(compile(src)).hadErrorContaining("[NotAnEndpoint] This policy is on method doGet() of class S")
          .inFile(src).onLineContaining("@ExpiryPolicy");
    }

    @Test
    void everyDoMethodAndIndirectSubclassesAreEndpoints() {
      JavaFileObject base = java("Base", "public abstract class Base extends HttpServlet {}");
      JavaFileObject src = java("S",
          "public class S extends Base {",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doHead(HttpServletRequest q, HttpServletResponse r) {}",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doPost(HttpServletRequest q, HttpServletResponse r) {}",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doPut(HttpServletRequest q, HttpServletResponse r) {}",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doDelete(HttpServletRequest q, HttpServletResponse r) {}",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doOptions(HttpServletRequest q, HttpServletResponse r) {}",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doTrace(HttpServletRequest q, HttpServletResponse r) {}",
          "  @ExpiryPolicy(status = 401, scheme = \"X\") @Override protected void doPatch(HttpServletRequest q, HttpServletResponse r) {}",
          "}");
      assertThat(compile(base, src)).succeededWithoutWarnings();
    }

    @Test
    void onAnAbstractServletWhichNoContainerInstantiates() {
      JavaFileObject src = java("Base",
          "@ExpiryPolicy(status = 401, scheme = \"X\")",
          "public abstract class Base extends HttpServlet {",
          "  @ExpiryPolicy(status = 401, scheme = \"Y\")",
          "  @Override protected void doPost(HttpServletRequest q, HttpServletResponse r) {}",
          "}");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on abstract servlet Base, which no container"
          + " instantiates").inFile(src).onLine(lineOf(src, "scheme = \"X\"")).atColumn(1);
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on method doPost() of abstract servlet Base")
          .inFile(src).onLine(lineOf(src, "scheme = \"Y\"")).atColumn(3);
      assertThat(c).hadErrorCount(2);
    }

    @Test
    void javaxServletsAreToldToMigrate() {
      JavaFileObject legacy = com.google.testing.compile.JavaFileObjects.forSourceLines("javax.servlet.http.HttpServlet",
          "package javax.servlet.http;", "public abstract class HttpServlet {}");
      JavaFileObject src = java("S", "@ExpiryPolicy(status = 401, scheme = \"X\")",
          "public class S extends javax.servlet.http.HttpServlet {}");
      assertThat(compile(legacy, src)).hadErrorContaining("migrate this javax.servlet servlet to jakarta.servlet.http.HttpServlet");
    }
  }
}
