package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.Reports.count;
import static dev.expiry.processor.Reports.errorAt;
import static dev.expiry.processor.Reports.silent;
import static dev.expiry.processor.Reports.warningAt;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.compileWith;
import static dev.expiry.processor.Sources.java;
import static dev.expiry.processor.Sources.servlet;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Rulebook;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration machinery: {@code -Aexpiry.<RuleId>} options, {@code @SuppressWarnings}, and
 * the checks that no configuration silences.
 */
class ConfigurationTest {

  /** A policy that only ForbiddenForExpiry, a suppressible warning, objects to. */
  private static final String FORBIDDEN = "@ExpiryPolicy(status = 403, scheme = \"MyAuthScheme\")";

  private static Compilation compileWithOptions(JavaFileObject src, String... options) {
    return compileWith(options, src);
  }

  /** A servlet {@code test.S} whose class carries {@code @SuppressWarnings(tokens)} and the policy. */
  private static JavaFileObject suppressedServlet(String tokens, String policy) {
    return java("S", "@SuppressWarnings(" + tokens + ")", policy, "public class S extends HttpServlet {}");
  }

  @Nested
  class Options {
    @Test
    void errorTurnsAWarningIntoAnError() {
      JavaFileObject src = servlet(FORBIDDEN);
      Compilation c = compileWithOptions(src, "-Aexpiry.ForbiddenForExpiry=error");
      assertThat(c).failed();
      errorAt(c, src, "ForbiddenForExpiry", "403");
      assertThat(c).hadWarningCount(0);
    }

    @Test
    void warningTurnsAnErrorIntoAWarning() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 401, scheme = \"Digest\")");
      Compilation c = compileWithOptions(src, "-Aexpiry.StaticDigest=warning");
      assertThat(c).succeeded();
      warningAt(c, src, "StaticDigest", "\"Digest\"");
    }

    @Test
    void offSilences() {
      assertThat(compileWithOptions(servlet(FORBIDDEN), "-Aexpiry.ForbiddenForExpiry=off"))
          .succeededWithoutWarnings();
    }

    @ParameterizedTest
    @CsvSource({"WARNING, WARNING", "Warning, WARNING", "ERROR, ERROR", "eRRor, ERROR", "OFF, OFF"})
    void valuesAreReadInAnyCase(String value, String expected) {
      Compilation c = compileWithOptions(servlet(FORBIDDEN), "-Aexpiry.ForbiddenForExpiry=" + value);
      switch (expected) {
        case "WARNING" -> {
          assertThat(c).succeeded();
          assertThat(c).hadWarningContaining("[ForbiddenForExpiry]");
        }
        case "ERROR" -> assertThat(c).hadErrorContaining("[ForbiddenForExpiry]");
        default -> assertThat(c).succeededWithoutWarnings();
      }
      silent(c, "UnknownRuleOption");
    }

    @Test
    void anOptionOnlyConcernsItsRule() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 403, scheme = \"Basic\")");
      Compilation c = compileWithOptions(src, "-Aexpiry.BasicPromptsBrowser=off");
      silent(c, "BasicPromptsBrowser");
      warningAt(c, src, "ForbiddenForExpiry", "403");
    }

    @Test
    void anUnknownRuleIsAnErrorListingTheValidNames() {
      Compilation c = compileWithOptions(servlet(FORBIDDEN), "-Aexpiry.NoSuchRule=off");
      assertThat(c).failed();
      assertThat(c).hadErrorContaining("[UnknownRuleOption] -Aexpiry.NoSuchRule=off names no rule. Valid names: ");
      String message = Reports.from(c, "UnknownRuleOption").get(0).getMessage(Locale.ROOT);
      for (Rule rule : Rulebook.rules()) {
        assertTrue(message.contains(rule.id()), () -> message + " does not list " + rule.id());
      }
      assertThat(c).hadErrorContaining("Explain: " + Explain.command("UnknownRuleOption"));
    }

    @Test
    void aMiscasedRuleNameGetsAHint() {
      assertThat(compileWithOptions(servlet(FORBIDDEN), "-Aexpiry.forbiddenforexpiry=off"))
          .hadErrorContaining("did you mean ForbiddenForExpiry? names are case-sensitive");
    }

    @Test
    void anUnknownValueIsAnErrorAndTheRuleKeepsItsSeverity() {
      JavaFileObject src = servlet(FORBIDDEN);
      Compilation c = compileWithOptions(src, "-Aexpiry.ForbiddenForExpiry=loud");
      assertThat(c).hadErrorContaining("[UnknownRuleOption] -Aexpiry.ForbiddenForExpiry=loud is not a severity."
          + " Valid values: error, warning, off");
      warningAt(c, src, "ForbiddenForExpiry", "403");
    }

    @Test
    void anOptionWithoutAValueIsAnError() {
      assertThat(compileWithOptions(servlet(FORBIDDEN), "-Aexpiry.ForbiddenForExpiry"))
          .hadErrorContaining("[UnknownRuleOption] -Aexpiry.ForbiddenForExpiry gives no severity.");
    }

    @Test
    void unknownRuleOptionItselfCanBeLowered() {
      // Whatever order javac hands the options over in.
      Compilation c = compileWithOptions(servlet(FORBIDDEN),
          "-Aexpiry.AaaNoSuchRule=off", "-Aexpiry.UnknownRuleOption=warning", "-Aexpiry.ZzzNoSuchRule=off");
      assertThat(c).succeeded();
      count(c, "UnknownRuleOption", 2);
    }

    @Test
    void unknownRuleOptionCanBeTurnedOff() {
      Compilation c = compileWithOptions(servlet(FORBIDDEN), "-Aexpiry.UnknownRuleOption=off",
          "-Aexpiry.NoSuchRule=off");
      assertThat(c).succeeded();
      silent(c, "UnknownRuleOption");
    }

    @Test
    void javacRecognizesEveryRuleOption() {
      String[] options = Rulebook.rules().stream()
          .map(r -> "-Aexpiry." + r.id() + "=" + (r.suppressible() ? "off" : "error"))
          .toArray(String[]::new);
      Compilation c = compileWith(options, servlet(FORBIDDEN));
      assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void javacStillFlagsAnOptionNoRuleHas() {
      // The contrast to the test above: javac's own warning is what valid options must not get.
      assertThat(compileWithOptions(servlet(FORBIDDEN), "-Aexpiry.NoSuchRule=off"))
          .hadWarningContaining("not recognized");
    }
  }

  @Nested
  class Suppression {
    @Test
    void onTheMethod() {
      JavaFileObject src = java("S",
          "public class S extends HttpServlet {",
          "  @SuppressWarnings(\"expiry:ForbiddenForExpiry\")",
          "  " + FORBIDDEN,
          "  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) {}",
          "  " + FORBIDDEN.replace("403", "403 "),
          "  @Override protected void doPost(HttpServletRequest req, HttpServletResponse resp) {}",
          "}");
      Compilation c = compile(src);
      // doGet is suppressed; its sibling doPost is not.
      count(c, "ForbiddenForExpiry", 1);
      warningAt(c, src, "ForbiddenForExpiry", "403 ");
    }

    @Test
    void onTheClassForAPolicyOnAMethod() {
      JavaFileObject src = java("S",
          "@SuppressWarnings(\"expiry:ForbiddenForExpiry\")",
          "public class S extends HttpServlet {",
          "  " + FORBIDDEN,
          "  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) {}",
          "}");
      assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void onTheClassForAPolicyOnTheClass() {
      assertThat(compile(suppressedServlet("\"expiry:ForbiddenForExpiry\"", FORBIDDEN))).succeededWithoutWarnings();
    }

    @Test
    void onAnEnclosingClass() {
      JavaFileObject src = java("Outer",
          "@SuppressWarnings(\"expiry:ForbiddenForExpiry\")",
          "public class Outer {",
          "  " + FORBIDDEN,
          "  public static class S extends HttpServlet {}",
          "}");
      assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void amongOtherTokens() {
      assertThat(compile(suppressedServlet("{\"unchecked\", \"expiry:ForbiddenForExpiry\"}", FORBIDDEN)))
          .succeededWithoutWarnings();
    }

    @Test
    void anotherRulesNameSuppressesNothingHere() {
      JavaFileObject src = suppressedServlet("\"expiry:ServerErrorStatus\"", FORBIDDEN);
      warningAt(compile(src), src, "ForbiddenForExpiry", "403");
    }

    @Test
    void expirySilencesEverySuppressibleRule() {
      // ForbiddenForExpiry, BasicPromptsBrowser and UnusedLocation warn; OrphanParams is an error.
      String policy = "@ExpiryPolicy(status = 403, scheme = \"Basic\", location = \"/login\")";
      JavaFileObject unsuppressed = servlet(policy);
      assertThat(compile(unsuppressed)).hadWarningCount(3);
      assertThat(compile(suppressedServlet("\"expiry\"", policy))).succeededWithoutWarnings();
      assertThat(compile(suppressedServlet("\"expiry\"", "@ExpiryPolicy(status = 303, location = \"/login\","
          + " realm = \"r\")"))).succeededWithoutWarnings();
    }

    @Test
    void anUnknownNameIsAnErrorOnThatValue() {
      JavaFileObject src = suppressedServlet("{\"unchecked\", \"expiry:NoSuchRule\"}", FORBIDDEN);
      Compilation c = compile(src);
      assertThat(c).failed();
      errorAt(c, src, "UnknownRuleOption", "\"expiry:NoSuchRule\"");
      assertThat(c).hadErrorContaining("@SuppressWarnings(\"expiry:NoSuchRule\") names no rule. Valid names:");
    }

    @Test
    void aMiscasedNameGetsAHint() {
      assertThat(compile(suppressedServlet("\"expiry:forbiddenForExpiry\"", FORBIDDEN)))
          .hadErrorContaining("did you mean ForbiddenForExpiry?");
    }

    @Test
    void unknownRuleOptionCanBeSuppressedForNamesFromNewerVersions() {
      assertThat(compile(suppressedServlet("{\"expiry:UnknownRuleOption\", \"expiry:FutureRule\"}",
          "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")"))).succeededWithoutWarnings();
    }

    @Test
    void suppressingNotAnEndpointKeepsTheServletsOtherPolicies() {
      JavaFileObject src = java("S",
          "public class S extends HttpServlet {",
          "  @ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
          "  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) {}",
          "  @SuppressWarnings(\"expiry:NotAnEndpoint\")",
          "  @ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")",
          "  void documentedOnly() {}",
          "}");
      Compilation c = compile(src);
      assertThat(c).succeededWithoutWarnings();
      assertThat(Table.of(c, "test").row("test.S", "GET")).isEqualTo("servlet\ttest.S\tGET\ta0");
    }

    @Test
    void tokensThatAreNotOursAreIgnored() {
      assertThat(compile(suppressedServlet("{\"expiryDate\", \"all\"}",
          "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")"))).succeededWithoutWarnings();
    }
  }

  /** Rules that keep the response well-formed and safe refuse every way of silencing them. */
  @Nested
  class Unsuppressible {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MissingChallenge | @ExpiryPolicy(status = 401)                                          | @ExpiryPolicy",
        "InvalidScheme    | @ExpiryPolicy(status = 401, scheme = \"My Auth\")                    | \"My Auth\"",
        "InvalidParam     | @ExpiryPolicy(status = 401, scheme = \"A\", params = @Param(name = \"a b\", value = \"c\")) | \"a b\"",
        "UnsafeLocation   | @ExpiryPolicy(status = 303, location = \"javascript:alert(1)\")      | \"javascript:"})
    void anOptionCannotTurnThemOff(String rule, String policy, String atFault) {
      for (String value : new String[] {"off", "warning", "OFF"}) {
        JavaFileObject src = servlet(policy);
        Compilation c = compileWithOptions(src, "-Aexpiry." + rule + "=" + value);
        assertThat(c).hadErrorContaining("[" + rule + "] -Aexpiry." + rule + "=" + value + " is not allowed: "
            + rule + " cannot be turned off or suppressed");
        errorAt(c, src, rule, atFault);
        count(c, rule, 2);
      }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MissingChallenge | @ExpiryPolicy(status = 401)                                          | @ExpiryPolicy",
        "InvalidScheme    | @ExpiryPolicy(status = 401, scheme = \"My Auth\")                    | \"My Auth\"",
        "InvalidParam     | @ExpiryPolicy(status = 401, scheme = \"A\", params = @Param(name = \"a b\", value = \"c\")) | \"a b\"",
        "UnsafeLocation   | @ExpiryPolicy(status = 303, location = \"javascript:alert(1)\")      | \"javascript:"})
    void suppressWarningsCannotSilenceThem(String rule, String policy, String atFault) {
      JavaFileObject src = suppressedServlet("\"expiry:" + rule + "\"", policy);
      Compilation c = compile(src);
      errorAt(c, src, rule, "\"expiry:" + rule + "\"");
      assertThat(c).hadErrorContaining("[" + rule + "] @SuppressWarnings(\"expiry:" + rule + "\") is not allowed");
      errorAt(c, src, rule, atFault);
      count(c, rule, 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MissingChallenge | @ExpiryPolicy(status = 401)                                          | @ExpiryPolicy",
        "UnsafeLocation   | @ExpiryPolicy(status = 303, location = \"javascript:alert(1)\")      | \"javascript:"})
    void expiryLeavesThemAloneWithoutComplaint(String rule, String policy, String atFault) {
      JavaFileObject src = suppressedServlet("\"expiry\"", policy);
      Compilation c = compile(src);
      errorAt(c, src, rule, atFault);
      count(c, rule, 1);
    }

    @Test
    void errorIsAllowedAsAnOption() {
      Compilation c = compileWithOptions(servlet("@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")"),
          "-Aexpiry.InvalidScheme=error");
      assertThat(c).succeededWithoutWarnings();
    }
  }

  /** BearerError is suppressible, except for its character-set check. */
  @Nested
  class BearerErrorCharacterSet {
    /** An unknown error code (suppressible) and a quote in error_description (not). */
    private static final String POLICY = "@ExpiryPolicy(status = 401, scheme = \"Bearer\", params = {"
        + "@Param(name = \"error\", value = \"session_expired\"),"
        + " @Param(name = \"error_description\", value = \"it \\\"expired\\\"\")})";
    private static final String QUOTED = "\"it \\\"expired";

    @Test
    void bothPartsReportByDefault() {
      JavaFileObject src = servlet(POLICY);
      Compilation c = compile(src);
      errorAt(c, src, "BearerError", "\"session_expired\"");
      errorAt(c, src, "BearerError", QUOTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "warning"})
    void anOptionLowersOnlyTheSuppressiblePart(String value) {
      JavaFileObject src = servlet(POLICY);
      Compilation c = compileWithOptions(src, "-Aexpiry.BearerError=" + value);
      assertThat(c).failed();
      errorAt(c, src, "BearerError", QUOTED);
      assertThat(c).hadErrorCount(1);
      assertThat(c).hadErrorContaining("cannot be turned off or suppressed");
      if (value.equals("warning")) {
        warningAt(c, src, "BearerError", "\"session_expired\"");
      } else {
        count(c, "BearerError", 1);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"expiry:BearerError\"", "\"expiry\""})
    void suppressWarningsSilencesOnlyTheSuppressiblePart(String token) {
      JavaFileObject src = suppressedServlet(token, POLICY);
      Compilation c = compile(src);
      errorAt(c, src, "BearerError", QUOTED);
      // Suppressing BearerError is allowed, so the @SuppressWarnings itself is fine.
      count(c, "BearerError", 1);
      assertThat(c).hadErrorCount(1);
    }
  }
}
