package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.Reports.count;
import static dev.expiry.processor.Reports.errorAt;
import static dev.expiry.processor.Reports.silent;
import static dev.expiry.processor.Reports.warningAt;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.java;
import static dev.expiry.processor.Sources.servlet;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that judge what the challenge says, beyond its syntax. */
class ChallengeRulesTest {

  @Nested
  class OrphanParams {
    @Test
    void realmWithoutSchemeFailsOnTheRealmValue() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 303, location = \"/login\", realm = \"example\")");
      Compilation c = compile(src);
      assertThat(c).failed();
      errorAt(c, src, "OrphanParams", "\"example\"");
      assertThat(c).hadErrorContaining("The realm would never be sent");
      assertThat(c).hadErrorContaining("RFC 9110 §11.1");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void paramsWithoutSchemeFailOnTheParams() {
      JavaFileObject src = servlet(
          "@ExpiryPolicy(status = 303, location = \"/login\", params = @Param(name = \"error\", value = \"x\"))");
      Compilation c = compile(src);
      errorAt(c, src, "OrphanParams", "@Param");
      assertThat(c).hadErrorContaining("The params would never be sent");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void realmAndParamsEachGetTheirOwnError() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 303, location = \"/login\", realm = \"r\","
          + " params = {@Param(name = \"a\", value = \"b\")})");
      Compilation c = compile(src);
      errorAt(c, src, "OrphanParams", "\"r\"");
      errorAt(c, src, "OrphanParams", "{@Param");
      count(c, "OrphanParams", 2);
    }

    @Test
    void aDeclaredSchemeCarriesThem() {
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\", realm = \"r\","
          + " params = @Param(name = \"a\", value = \"b\"))"))).succeededWithoutWarnings();
    }

    @Test
    void emptyValuesAreNothingToCarry() {
      Compilation c = compile(servlet("@ExpiryPolicy(status = 303, location = \"/login\", realm = \"\", params = {})"));
      assertThat(c).succeeded();
      silent(c, "OrphanParams");
    }
  }

  @Nested
  class BasicPromptsBrowser {
    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC"})
    void basicWarnsOnTheSchemeValueInAnyCase(String scheme) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"" + scheme + "\", realm = \"r\")");
      Compilation c = compile(src);
      assertThat(c).succeeded();
      warningAt(c, src, "BasicPromptsBrowser", "\"" + scheme + "\"");
      assertThat(c).hadWarningContaining("native username and password dialog");
      assertThat(c).hadWarningContaining("scheme = \"MyAuthScheme\"");
      assertThat(c).hadWarningCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyAuthScheme", "Bearer", "BasicAuth", "XBasic"})
    void otherSchemesAreClean(String scheme) {
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"" + scheme + "\", realm = \"r\")")))
          .succeededWithoutWarnings();
    }
  }

  @Nested
  class BearerError {
    private JavaFileObject bearer(int status, String params) {
      return servlet("@ExpiryPolicy(status = " + status + ", scheme = \"Bearer\", params = {" + params + "})");
    }

    @Test
    void invalidTokenOn401IsClean() {
      assertThat(compile(bearer(401, "@Param(name = \"error\", value = \"invalid_token\"),"
          + " @Param(name = \"error_description\", value = \"The session expired at 12:00 [UTC]\"),"
          + " @Param(name = \"error_uri\", value = \"https://example.com/errors#expired\"),"
          + " @Param(name = \"scope\", value = \"read write\")")))
          .succeededWithoutWarnings();
    }

    @Test
    void noErrorCodeIsClean() {
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"Bearer\", realm = \"shop\")")))
          .succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ", realm = \"\"", ", realm = \"\", params = {}"})
    void aBareBearerFailsOnTheScheme(String rest) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"Bearer\"" + rest + ")");
      Compilation c = compile(src);
      assertThat(c).failed();
      errorAt(c, src, "BearerError", "\"Bearer\"");
      assertThat(c).hadErrorContaining("\"MUST be followed by one or more auth-param values\"");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void aBareBearerCannotBeSuppressed() {
      JavaFileObject src = java("S", "@SuppressWarnings(\"expiry:BearerError\")",
          "@ExpiryPolicy(status = 401, scheme = \"Bearer\")", "public class S extends HttpServlet {}");
      errorAt(compile(src), src, "BearerError", "\"Bearer\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "scope | ''",
        "scope | ' read'",
        "scope | 'read '",
        "scope | 'read  write'",
        "scope | ' '",
        "SCOPE | 'a  b'",
        "error_description | ''",
        "error | ''",
        "error_uri | ''",
        "error_uri | 'https://example.com/a%2'",
        "error_uri | 'https://example.com/a%zz'",
        "error_uri | 'https://example.com/a#b#c'",
        "error_uri | 'https://example.com/{x}'",
        "error_uri | 'https://example.com/a|b'",
        "error_uri | '1https://example.com/'",
        "error_uri | 'ht_tp://example.com/'",
        "error_uri | ':nothing'",
        "error_uri | 'https://example.com/[x]'",
        "error_uri | 'errors/[x]'",
        "error_uri | 'https://example.com/a^b'",
        "error_uri | 'https://example.com/a`b'"})
    void valuesOutsideTheRfc6750GrammarFailOnTheValue(String name, String value) {
      JavaFileObject src = java("S", "@SuppressWarnings(\"expiry\")",
          "@ExpiryPolicy(status = 401, scheme = \"Bearer\", params = {",
          "    @Param(name = \"" + name + "\", value = \"" + value + "\")})",
          "public class S extends HttpServlet {}");
      Compilation c = compile(src);
      assertThat(c).failed();
      errorAt(c, src, "BearerError", "\"" + value + "\")");
      assertThat(c).hadErrorContaining("cannot be turned off or suppressed");
      count(c, "BearerError", 1);
      assertThat(c).hadErrorCount(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "scope | 'read'",
        "scope | 'read write admin:all urn:x!#$%&()*+,-./:;<=>?@[]^_`{|}~'",
        "error_description | ' '",
        "error_description | 'a  b '",
        "error_uri | 'https://example.com/errors/expired?x=1&y=%2F#top'",
        "error_uri | 'https://[::1]:8443/e'",
        "error_uri | '/errors/expired'",
        "error_uri | 'errors/expired'",
        "error_uri | '#expired'",
        "error_uri | '?page=expired'",
        "error_uri | 'urn:ietf:rfc:6750'",
        "error_uri | 'a+b.c-d:x'",
        "error_uri | '//example.com/e'"})
    void valuesTheGrammarAllowsAreClean(String name, String value) {
      assertThat(compile(bearer(401, "@Param(name = \"error\", value = \"invalid_token\"),"
          + " @Param(name = \"" + name + "\", value = \"" + value + "\")"))).succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"session_expired", "expired_token", "invalid_client"})
    void unknownErrorCodeFailsOnTheValue(String code) {
      JavaFileObject src = bearer(401, "@Param(name = \"error\", value = \"" + code + "\")");
      Compilation c = compile(src);
      assertThat(c).failed();
      errorAt(c, src, "BearerError", "\"" + code + "\"");
      assertThat(c).hadErrorContaining("RFC 6750 §3.1");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void errorCodesAreCaseSensitiveButTheNameIsNot() {
      JavaFileObject src = bearer(401, "@Param(name = \"Error\", value = \"Invalid_Token\")");
      Compilation c = compile(src);
      errorAt(c, src, "BearerError", "\"Invalid_Token\"");
      assertThat(c).hadErrorContaining("write \"invalid_token\"");
    }

    @ParameterizedTest
    @CsvSource({"insufficient_scope, 401, 403", "invalid_request, 401, 400", "invalid_token, 400, 401",
        "invalid_token, 407, 401"})
    void statusContradictingTheErrorFailsOnTheStatusValue(String code, int status, int expected) {
      JavaFileObject src = bearer(status, "@Param(name = \"error\", value = \"" + code + "\")");
      Compilation c = compile(src);
      errorAt(c, src, "BearerError", String.valueOf(status));
      assertThat(c).hadErrorContaining("\"" + code + "\" goes with " + expected + ", not " + status);
      count(c, "BearerError", 1);
    }

    @ParameterizedTest
    @CsvSource({"invalid_request, 400", "insufficient_scope, 403"})
    void statusMatchingTheErrorIsFine(String code, int status) {
      silent(compile(bearer(status, "@Param(name = \"error\", value = \"" + code + "\")")), "BearerError");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "error_description | say \\\"hi\\\"",
        "error_description | a\\\\b",
        "scope | read\\twrite",
        "error_uri | https://example.com/a b",
        "ERROR_DESCRIPTION | \\\""})
    void charactersOutsideTheRfc6750SetFailOnTheValue(String name, String value) {
      JavaFileObject src = bearer(401, "@Param(name = \"" + name + "\", value = \"" + value + "\")");
      Compilation c = compile(src);
      errorAt(c, src, "BearerError", "\"" + value);
      assertThat(c).hadErrorContaining("RFC 6750 §3");
      assertThat(c).hadErrorContaining("cannot be turned off or suppressed");
      count(c, "BearerError", 1);
    }

    @Test
    void aBadCharacterInTheErrorCodeIsReportedOnce() {
      JavaFileObject src = bearer(401, "@Param(name = \"error\", value = \"invalid\\\"token\")");
      Compilation c = compile(src);
      assertThat(c).hadErrorContaining("[BearerError] The Bearer error contains '\"'");
      count(c, "BearerError", 1);
    }

    @Test
    void controlCharactersAreLeftToInvalidParam() {
      Compilation c = compile(bearer(401, "@Param(name = \"error_description\", value = \"a\\r\\nb\")"));
      count(c, "InvalidParam", 1);
      silent(c, "BearerError");
    }

    @Test
    void otherParamsAndSchemesMayQuote() {
      assertThat(compile(bearer(401, "@Param(name = \"title\", value = \"Login to \\\"apps\\\"\")")))
          .succeededWithoutWarnings();
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\","
          + " params = @Param(name = \"error\", value = \"session \\\"expired\\\"\"))")))
          .succeededWithoutWarnings();
    }

    @Test
    void bearerInAnyCase() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"bearer\","
          + " params = @Param(name = \"error\", value = \"nope\"))");
      errorAt(compile(src), src, "BearerError", "\"nope\"");
    }
  }

  @Nested
  class StaticDigest {
    @ParameterizedTest
    @ValueSource(strings = {"Digest", "digest", "DIGEST"})
    void digestFailsOnTheSchemeValue(String scheme) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"" + scheme + "\", realm = \"r\","
          + " params = @Param(name = \"nonce\", value = \"abc\"))");
      Compilation c = compile(src);
      assertThat(c).failed();
      errorAt(c, src, "StaticDigest", "\"" + scheme + "\"");
      assertThat(c).hadErrorContaining("RFC 7616 §3.3");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void aSchemeMerelyStartingWithDigestIsClean() {
      assertThat(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"DigestLike\")"))).succeededWithoutWarnings();
    }
  }
}
