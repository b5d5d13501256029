package dev.expiry.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.benchmarks.Suite.Results;
import dev.expiry.benchmarks.Suite.Settings;
import dev.expiry.benchmarks.build.BuildBenchmark;
import dev.expiry.benchmarks.e2e.EndToEndBenchmark;
import dev.expiry.benchmarks.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness runs one tiny iteration of every part and writes well-formed results. No timing is
 * asserted: this only keeps the benchmarks building and running.
 */
class SuiteTest {

  @TempDir
  static Path dir;

  static Path out;
  static Path readme;
  static Results results;

  @BeforeAll
  static void runTinySuite() throws Exception {
    out = dir.resolve("results");
    readme = dir.resolve("README.md");
    Files.writeString(readme, "# Title\n\n" + Report.BEGIN + "\nold\n" + Report.END + "\n\nafter\n");
    Settings tiny = new Settings("test",
        new Suite.JmhSettings(List.of("baseline", "expiryExpired"), 0, 0, Duration.ofMillis(10), 1,
            Duration.ofMillis(10), false),
        new BuildBenchmark.Config(List.of(5), 5, 1, 1),
        new EndToEndBenchmark.Config(2, Duration.ZERO, 1, Duration.ofMillis(300), 40),
        out, readme, Set.of("jmh", "build", "e2e"));
    results = Suite.run(tiny);
  }

  @Test
  void measuresEveryPart() {
    assertEquals(List.of("baseline", "expiryExpired"), results.runtime().stream().map(Suite.RuntimeRow::variant).toList());
    assertTrue(results.runtime().stream().allMatch(r -> r.nsPerOp() > 0));
    BuildBenchmark.Point point = results.build().points().get(0);
    assertEquals(5, point.endpoints());
    assertEquals(1, point.plainMs().size());
    assertEquals(1, point.processorMs().size());
    assertTrue(results.e2e().plain().requests() > 0);
    assertTrue(results.e2e().expiry().requests() > 0);
  }

  @Test
  void writesWellFormedJson() throws Exception {
    Object json = new JsonChecker(Files.readString(out.resolve("results.json"))).parse();
    Map<?, ?> root = (Map<?, ?>) json;
    for (String key : List.of("mode", "machine", "targets", "runtime", "build", "endToEnd")) {
      assertNotNull(root.get(key), key);
    }
    String jmhJson = Files.readString(out.resolve("jmh.json"));
    new JsonChecker(jmhJson).parse();
    assertFalse(java.util.regex.Pattern.compile("\"jvm\"\\s*:\\s*\"[^\"]*/").matcher(jmhJson).find(),
        "jmh.json names the JVM without the machine's path");
  }

  @Test
  void writesWellFormedSvg() throws Exception {
    for (String chart : List.of("runtime.svg", "build.svg")) {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(chart).toFile());
      assertEquals("svg", doc.getDocumentElement().getTagName(), chart);
    }
  }

  @Test
  void writesMarkdownAndTheReadmeBlock() throws Exception {
    String md = Files.readString(out.resolve("results.md"));
    assertTrue(md.contains("| `expiryExpired` |"), md);
    assertTrue(md.contains("| 5 |"), md);
    assertTrue(md.contains("with `ExpiryFilter`"), md);
    String text = Files.readString(readme);
    assertTrue(text.startsWith("# Title\n\n" + Report.BEGIN + "\n"), text);
    assertTrue(text.endsWith(Report.END + "\n\nafter\n"), text);
    assertFalse(text.contains("\nold\n"), text);
    assertTrue(text.contains("](results/runtime.svg)"), text);
  }
}
