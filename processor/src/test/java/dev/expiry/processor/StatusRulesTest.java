package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.Reports.count;
import static dev.expiry.processor.Reports.silent;
import static dev.expiry.processor.Reports.warningAt;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.servlet;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.expiry.processor.model.StatusCodes;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that judge the status code for an expired session. */
class StatusRulesTest {

  /** A policy with this status and a challenge, so that no other rule objects. */
  private static JavaFileObject withStatus(int status) {
    return servlet("@ExpiryPolicy(status = " + status + ", scheme = \"MyAuthScheme\")");
  }

  @Nested
  class ForbiddenForExpiry {
    @Test
    void forbiddenWarnsOnTheStatusValue() {
      JavaFileObject src = withStatus(403);
      Compilation c = compile(src);
      assertThat(c).succeeded();
      warningAt(c, src, "ForbiddenForExpiry", "403");
      assertThat(c).hadWarningContaining("RFC 9110 §15.5.4");
      assertThat(c).hadWarningContaining("RFC 2616 §10.4.4");
      assertThat(c).hadWarningContaining("Use status = 401 with a challenge");
      assertThat(c).hadWarningContaining("Explain: " + Explain.command("ForbiddenForExpiry"));
      assertThat(c).hadWarningCount(1);
    }

    @Test
    void forbiddenWithoutAChallengeWarnsToo() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 403)");
      warningAt(compile(src), src, "ForbiddenForExpiry", "403");
    }

    @Test
    void forbiddenIsRightForAStaleCsrfToken() {
      silent(compile(servlet("@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403)")), "ForbiddenForExpiry");
    }

    @Test
    void forbiddenForAnExpiredAccessTokenWarns() {
      JavaFileObject src = servlet("@ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 403, scheme = \"Bearer\", realm = \"api\")");
      warningAt(compile(src), src, "ForbiddenForExpiry", "403");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 400, 407})
    void otherClientErrorsAreClean(int status) {
      assertThat(compile(withStatus(status))).succeededWithoutWarnings();
    }
  }

  @Nested
  class NonStandardStatus {
    @ParameterizedTest
    @ValueSource(ints = {419, 440, 498, 499, 420, 427, 430, 509, 599, 309, 399})
    void unregisteredCodesWarnOnTheStatusValue(int status) {
      JavaFileObject src = withStatus(status);
      Compilation c = compile(src);
      warningAt(c, src, "NonStandardStatus", String.valueOf(status));
      assertThat(c).hadWarningContaining(status + " is not in the IANA HTTP Status Code Registry");
      assertThat(c).hadWarningContaining("see a " + status / 100 + "00");
      assertThat(c).hadWarningContaining("RFC 9110 §15");
      count(c, "NonStandardStatus", 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {306, 418})
    void codesReservedAsUnusedWarn(int status) {
      JavaFileObject src = withStatus(status);
      Compilation c = compile(src);
      warningAt(c, src, "NonStandardStatus", String.valueOf(status));
      assertThat(c).hadWarningContaining("reserved as \"(Unused)\"");
    }

    @Test
    void suggestsAnAuthParamThatSaysWhy() {
      assertThat(compile(withStatus(440))).hadWarningContaining(
          "params = @Param(name = \"error\", value = \"session_expired\")");
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 301, 302, 303, 305, 307, 308, 400, 401, 402, 407, 408, 410, 417, 421, 426,
        428, 429, 431, 451, 500, 503, 508, 510, 511})
    void registeredCodesAreLeftAlone(int status) {
      silent(compile(withStatus(status)), "NonStandardStatus");
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 104, 199, 299, 600, 1000})
    void codesNotAnErrorStatusRejectsAreNotReportedTwice(int status) {
      Compilation c = compile(withStatus(status));
      count(c, "NotAnErrorStatus", 1);
      silent(c, "NonStandardStatus");
    }

    @Test
    void registryMatchesIana() {
      // https://www.iana.org/assignments/http-status-codes/ as updated 2025-09-15: 64 entries, of
      // which 306 and 418 are reserved as (Unused).
      assertAll(
          () -> assertEquals(62, IntStream.range(100, 600).filter(StatusCodes::isRegistered).count()),
          () -> assertTrue(StatusCodes.isRegistered(104), "104 is registered until 2026-11-13"),
          () -> assertTrue(StatusCodes.isReservedUnused(418)),
          () -> assertFalse(StatusCodes.isRegistered(509), "509 is unassigned"),
          () -> assertEquals("Content Too Large", StatusCodes.nameOf(413).orElseThrow()),
          () -> assertTrue(StatusCodes.nameOf(418).isEmpty()));
    }
  }

  @Nested
  class ServerErrorStatus {
    @ParameterizedTest
    @ValueSource(ints = {500, 503, 504})
    void serverErrorsWarnOnTheStatusValue(int status) {
      JavaFileObject src = withStatus(status);
      Compilation c = compile(src);
      assertThat(c).succeeded();
      warningAt(c, src, "ServerErrorStatus", String.valueOf(status));
      assertThat(c).hadWarningContaining("RFC 9110 §15.6");
      assertThat(c).hadWarningCount(1);
    }

    @Test
    void networkAuthenticationRequiredIsForCaptivePortals() {
      assertThat(compile(withStatus(511))).hadWarningContaining("RFC 6585 §6");
    }

    @Test
    void anUnregisteredServerErrorIsBothNonStandardAndAServerError() {
      Compilation c = compile(withStatus(599));
      count(c, "ServerErrorStatus", 1);
      count(c, "NonStandardStatus", 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {499, 600})
    void neighboursAreNotServerErrors(int status) {
      silent(compile(withStatus(status)), "ServerErrorStatus");
    }
  }
}
