package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Rulebook;
import dev.expiry.processor.check.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule has a page under {@code docs/rules/} and a row in the rules tables of the root README
 * and of {@code docs/rules/README.md}, with its default severity and whether it can be suppressed;
 * and nothing is documented that is no rule. Each page's examples do what the page says.
 */
class RulebookDocsTest {

  /** A table row {@code | `RuleId` | severity | suppressible | ...}, the id optionally a link. */
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*\\[?`(\\w+)`(?:\\]\\([^)]*\\))?\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|");

  private static final Pattern HEADING = Pattern.compile("^(#+) ");

  private static final Path ROOT = repositoryRoot();
  private static final Map<String, Rule> RULES = Rulebook.rules().stream()
      .collect(Collectors.toMap(Rule::id, Function.identity(), (a, b) -> a, TreeMap::new));

  @Test
  void everyRuleHasAPageAndEveryPageARule() throws IOException {
    Path dir = ROOT.resolve("docs/rules");
    TreeSet<String> pages;
    try (Stream<Path> files = Files.list(dir)) {
      pages = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
          .map(n -> n.substring(0, n.length() - ".md".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(RULES.keySet(), pages, "pages under docs/rules/ (left: rules, right: pages)");
    for (Rule rule : RULES.values()) {
      List<String> lines = Files.readAllLines(ROOT.resolve(rule.docPath()));
      assertEquals("# " + rule.id(), lines.get(0), rule.docPath() + " starts with its title");
      String page = String.join("\n", lines);
      assertTrue(page.contains("Default severity: **" + rule.defaultSeverity().optionValue() + "**"),
          rule.docPath() + " states the default severity " + rule.defaultSeverity().optionValue());
      Matcher suppressible = Pattern.compile("Can be suppressed: \\*\\*([^*]*)\\*\\*").matcher(page);
      assertTrue(suppressible.find(), rule.docPath() + " states whether it can be suppressed");
      assertEquals(yesOrNo(rule), normalized(suppressible.group(1)), rule.docPath() + ": can be suppressed");
    }
  }

  /** The "Reported:" example of each page gets the rule's diagnostic; its "Fixed:" example compiles clean. */
  @TestFactory
  Stream<DynamicTest> examplesDoWhatThePagesSay() {
    // UnknownRuleOption's examples are about options, which a source alone cannot show;
    // UnreadableValue's need a newer expiry-runtime (VersionSkewTest compiles them against one).
    return RULES.values().stream().filter(r -> !r.id().equals("UnknownRuleOption") && !r.id().equals("UnreadableValue"))
        .flatMap(rule -> {
          String page = read(ROOT.resolve(rule.docPath()));
          // A rule that is off unless turned on is shown turned on.
          String[] options = rule.defaultSeverity() == Severity.OFF
              ? new String[] {"-Aexpiry." + rule.id() + "=warning"} : new String[0];
          return Stream.of(
              DynamicTest.dynamicTest(rule.id() + " reported", () -> {
                Compilation c = Sources.compileWith(options, sources(page, "Reported:"));
                assertFalse(Reports.from(c, rule.id()).isEmpty(), () -> "no " + rule.id() + " in " + c.diagnostics());
              }),
              DynamicTest.dynamicTest(rule.id() + " fixed", () ->
                  assertThat(Sources.compileWith(options, sources(page, "Fixed:"))).succeededWithoutWarnings()));
        });
  }

  /** The Java block after {@code label}, as a compilable source: {@code { ... }} bodies emptied. */
  private static JavaFileObject example(String page, String label) {
    int at = page.indexOf(label);
    assertTrue(at >= 0, "no " + label);
    int start = page.indexOf("```java\n", at) + "```java\n".length();
    String code = page.substring(start, page.indexOf("```", start))
        .replace("{ ... }", "{}");
    String name = Pattern.compile("class (\\w+)").matcher(code).results().map(m -> m.group(1)).findFirst().orElseThrow();
    return Sources.java(name, code.split("\n"));
  }

  /** The example, with the framework stubs when it is about a controller or resource. */
  private static JavaFileObject[] sources(String page, String label) {
    JavaFileObject example = example(page, label);
    String code = Sources.text(example);
    if (code.contains("@RestController") || code.contains("@Path(")) {
      String name = Pattern.compile("class (\\w+)").matcher(code).results().map(m -> m.group(1)).findFirst().orElseThrow();
      String body = code.substring(code.indexOf("\n\n", code.indexOf("import jakarta.servlet.http.HttpServletResponse;")) + 2);
      return FrameworkStubs.with(FrameworkStubs.web(name, body.split("\n")));
    }
    return new JavaFileObject[] {example};
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void rootReadmeListsEveryRule() throws IOException {
    assertTable(rows(ROOT.resolve("README.md"), "## Rules"), "README.md");
  }

  @Test
  void rulesIndexListsEveryRule() throws IOException {
    assertTable(rows(ROOT.resolve("docs/rules/README.md"), "# Rules"), "docs/rules/README.md");
  }

  private static void assertTable(Map<String, String[]> rows, String file) {
    assertEquals(RULES.keySet(), rows.keySet(), "rows of the rules table in " + file + " (left: rules)");
    rows.forEach((id, cells) -> {
      Rule rule = RULES.get(id);
      assertEquals(rule.defaultSeverity().optionValue(), cells[0], file + ": default severity of " + id);
      assertEquals(yesOrNo(rule), normalized(cells[1]), file + ": whether " + id + " is suppressible");
    });
  }

  private static String yesOrNo(Rule rule) {
    return rule.suppressible() ? "yes" : "no";
  }

  /** "yes", "no", or "partly…" (a suppressible rule with a part that is not), read as "yes". */
  private static String normalized(String suppressible) {
    return suppressible.startsWith("partly") ? "yes" : suppressible;
  }

  /** The rule rows of the first table under {@code heading}, by rule id: severity, suppressible. */
  private static Map<String, String[]> rows(Path file, String heading) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int start = lines.indexOf(heading);
    assertTrue(start >= 0, file + " has a \"" + heading + "\" heading");
    int level = heading.indexOf(' ');
    Map<String, String[]> rows = new TreeMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      Matcher h = HEADING.matcher(line);
      if (h.find() && h.group(1).length() <= level) {
        break; // the next section
      }
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        String[] previous = rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
        assertTrue(previous == null, file + " lists " + m.group(1) + " twice");
      }
    }
    return rows;
  }

  /** Walks up from the working directory to the directory holding {@code docs/rules}. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs/rules"))) {
        return dir;
      }
    }
    throw new AssertionError("no docs/rules above " + Path.of("").toAbsolutePath());
  }
}
