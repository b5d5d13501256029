package dev.expiry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Rulebook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The processor's command line: the rule pages ship in the jar, {@code explain} prints each
 * exactly, {@code rules} lists them, and a mistyped rule or command says what there is.
 */
class ExplainTest {

  @Test
  void explainPrintsEachRulesPageAsTheRepositoryHasIt() throws IOException {
    for (Rule rule : Rulebook.rules()) {
      Run run = run("explain", rule.id());
      assertEquals(0, run.status, rule.id() + ": " + run.err);
      assertEquals(Files.readString(root().resolve(rule.docPath()), StandardCharsets.UTF_8), run.out, rule.id());
    }
  }

  @Test
  void anUnknownRuleIsNamedWithTheRulesThereAre() {
    Run run = run("explain", "missingchallenge");
    assertEquals(2, run.status);
    assertTrue(run.err.startsWith("No rule is named missingchallenge (did you mean MissingChallenge?"), run.err);
    assertTrue(run.err.contains("  MissingPolicy            off      An endpoint has no SESSION policy"), run.err);
  }

  @Test
  void rulesListsEveryRuleAndNoArgumentsPrintUsage() {
    Run rules = run("rules");
    assertEquals(0, rules.status);
    for (Rule rule : Rulebook.rules()) {
      assertTrue(rules.out.contains("  " + rule.id() + " "), rule.id());
    }
    Run usage = run();
    assertEquals(2, usage.status);
    assertTrue(usage.err.contains("explain <RuleId>"), usage.err);
  }

  @Test
  void theCommandNamesThisVersionsJar() {
    assertTrue(Explain.command("MissingChallenge").matches(
        "java -jar expiry-processor-\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\.jar explain MissingChallenge"),
        Explain.command("MissingChallenge"));
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Explain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs/rules"))) {
        return dir;
      }
    }
    throw new AssertionError("no docs/rules above " + Path.of("").toAbsolutePath());
  }
}
