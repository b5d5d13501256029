package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.Reports.silent;
import static dev.expiry.processor.Reports.warningAt;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.servlet;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that judge the location beyond its syntax. */
class LocationRulesTest {

  @Nested
  class UnusedLocation {
    @ParameterizedTest
    @ValueSource(ints = {401, 407})
    void locationOnAChallengeStatusWarnsOnTheLocationValue(int status) {
      JavaFileObject src = servlet("@ExpiryPolicy(status = " + status + ", scheme = \"MyAuthScheme\","
          + " location = \"/login\")");
      Compilation c = compile(src);
      assertThat(c).succeeded();
      warningAt(c, src, "UnusedLocation", "\"/login\"");
      assertThat(c).hadWarningContaining("sent with a " + status + ", where clients ignore it");
      assertThat(c).hadWarningContaining("RFC 9110 §10.2.2");
      assertThat(c).hadWarningCount(1);
    }

    @Test
    void locationOnAClientErrorWarns() {
      JavaFileObject src = servlet("@ExpiryPolicy(status = 400, location = \"https://example.com/login\")");
      warningAt(compile(src), src, "UnusedLocation", "\"https://example.com/login\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsUseIt(int status) {
      assertThat(compile(Sources.browserRedirect(status, "/login"))).succeededWithoutWarnings();
    }

    @Test
    void noLocationIsClean() {
      silent(compile(servlet("@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\", location = \"\")")),
          "UnusedLocation");
    }
  }
}
