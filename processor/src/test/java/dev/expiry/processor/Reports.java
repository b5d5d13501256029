package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Assertions about which rule reported what, and where, shared by the rule tests. */
final class Reports {

  private Reports() {}

  /** A warning from the rule, on the line holding {@code token} and at the column it starts at. */
  static void warningAt(Compilation c, JavaFileObject src, String ruleId, String token) {
    assertThat(c).hadWarningContaining("[" + ruleId + "]")
        .inFile(src).onLine(lineOf(src, token)).atColumn(Sources.columnOf(src, token));
  }

  /** An error from the rule, on the line holding {@code token} and at the column it starts at. */
  static void errorAt(Compilation c, JavaFileObject src, String ruleId, String token) {
    assertThat(c).hadErrorContaining("[" + ruleId + "]")
        .inFile(src).onLine(lineOf(src, token)).atColumn(Sources.columnOf(src, token));
  }

  /** The 1-based number of the first line containing {@code token}. */
  static long lineOf(JavaFileObject src, String token) {
    String[] lines = Sources.text(src).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(token)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + token);
  }

  /** The diagnostics from the rule, of any kind. */
  static List<Diagnostic<? extends JavaFileObject>> from(Compilation c, String ruleId) {
    return c.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains("[" + ruleId + "]"))
        .collect(Collectors.toList());
  }

  /** Asserts the rule reported exactly {@code count} diagnostics. */
  static void count(Compilation c, String ruleId, int count) {
    assertEquals(count, from(c, ruleId).size(), () -> "diagnostics from " + ruleId + ": " + c.diagnostics());
  }

  /** Asserts the rule reported nothing. */
  static void silent(Compilation c, String ruleId) {
    count(c, ruleId, 0);
  }
}
