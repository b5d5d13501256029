package dev.expiry.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.benchmarks.Suite.Results;
import dev.expiry.benchmarks.Suite.Settings;
import dev.expiry.benchmarks.build.BuildBenchmark;
import dev.expiry.benchmarks.build.BuildBenchmark.Corpus;
import dev.expiry.benchmarks.build.BuildBenchmark.Measure;
import dev.expiry.benchmarks.filter.BodyCapture;
import dev.expiry.benchmarks.filter.OrdersServlet;
import dev.expiry.benchmarks.filter.SpringEntryPoint;
import dev.expiry.benchmarks.inmemory.BenchChain;
import dev.expiry.benchmarks.inmemory.BenchMapping;
import dev.expiry.benchmarks.inmemory.BenchRequest;
import dev.expiry.benchmarks.inmemory.BenchResponse;
import dev.expiry.benchmarks.inmemory.BenchServletContext;
import dev.expiry.benchmarks.e2e.EndToEndBenchmark;
import dev.expiry.benchmarks.report.Report;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
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
 * The harness runs one tiny iteration of every part and writes well-formed results; the Spring
 * corpus compiles with the processor, and the Spring Security rival writes the answer it is
 * measured for. No timing is asserted: this only keeps the benchmarks building and running.
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
        new Suite.JmhSettings(List.of("baseline", "expiryExpired", "springEntryPointExpired"), 0, 0,
            Duration.ofMillis(10), 1, Duration.ofMillis(10), false),
        new BuildBenchmark.Config(List.of(new Measure(Corpus.SERVLETS, 5, 1), new Measure(Corpus.SPRING, 5, 1),
            new Measure(Corpus.SPRING_NO_POLICY, 5, 2)), 5, 1),
        new EndToEndBenchmark.Config(2, Duration.ZERO, 1, Duration.ofMillis(300), 40),
        out, readme, Set.of("jmh", "build", "e2e"));
    results = Suite.run(tiny);
  }

  @Test
  void measuresEveryPart() {
    assertEquals(List.of("baseline", "expiryExpired", "springEntryPointExpired"),
        results.runtime().stream().map(Suite.RuntimeRow::variant).toList());
    assertTrue(results.runtime().stream().allMatch(r -> r.nsPerOp() > 0));
    assertEquals(List.of(Corpus.SERVLETS, Corpus.SPRING, Corpus.SPRING_NO_POLICY),
        results.build().series().stream().map(BuildBenchmark.Series::corpus).toList());
    BuildBenchmark.Point point = results.build().points().get(0);
    assertEquals(5, point.endpoints());
    assertEquals(1, point.plainMs().size());
    assertEquals(1, point.processorMs().size());
    assertEquals(2, results.build().of(Corpus.SPRING_NO_POLICY).orElseThrow().points().get(0).runs());
    assertTrue(results.e2e().plain().requests() > 0);
    assertTrue(results.e2e().expiry().requests() > 0);
  }

  @Test
  void choosesBuildPointsFromTheCommandLine() {
    List<Measure> full = Suite.full().build().measures();
    assertTrue(full.contains(new Measure(Corpus.SERVLETS, 1000, 3)), full.toString());
    assertTrue(full.contains(new Measure(Corpus.SERVLETS, 20_000, 1)), full.toString());
    assertTrue(full.contains(new Measure(Corpus.SPRING, 1000, 3)), full.toString());
    assertTrue(full.contains(new Measure(Corpus.SPRING_NO_POLICY, 1000, 3)), full.toString());
    assertEquals(List.of(new Measure(Corpus.SERVLETS, 200, 3), new Measure(Corpus.SERVLETS, 400, 3),
            new Measure(Corpus.SPRING, 1000, 3), new Measure(Corpus.SPRING_NO_POLICY, 1000, 3)),
        Suite.measures(full, List.of(200, 400), null, null));
    assertEquals(List.of(new Measure(Corpus.SPRING, 1000, 1), new Measure(Corpus.SPRING_NO_POLICY, 1000, 1)),
        Suite.measures(full, null, Set.of(Corpus.SPRING, Corpus.SPRING_NO_POLICY), 1));
  }

  @Test
  void compilesTheSpringCorpusWithTheProcessor() {
    BuildBenchmark.Point spring = results.build().of(Corpus.SPRING).orElseThrow().points().get(0);
    // Four sources per endpoint, the package default, the configuration, the advice, its exception, the composed policy.
    assertEquals(4 * 5 + 5, spring.files());
    assertTrue(spring.generated() > 0, "the processor generated nothing for the Spring corpus");
    assertEquals(0, spring.processorDiagnostics(), "the Spring corpus is clean: the processor reports nothing");
    BuildBenchmark.Point none = results.build().of(Corpus.SPRING_NO_POLICY).orElseThrow().points().get(0);
    assertEquals(4 * 5 + 3, none.files());
    assertEquals(0, none.processorDiagnostics());
    // An application has no warnings in every build: neither has the servlet corpus.
    BuildBenchmark.Point servlets = results.build().of(Corpus.SERVLETS).orElseThrow().points().get(0);
    assertEquals(0, servlets.processorDiagnostics(), "the servlet corpus is clean: the processor reports nothing");
  }

  @Test
  void springSecurityRivalAnswersAScriptWithTheChallengeAndAProblem() throws Exception {
    BenchServletContext context = new BenchServletContext(SuiteTest.class.getClassLoader());
    BenchMapping mapping = context.register("orders", OrdersServlet.class, "/api/orders/*");
    Filter rival = SpringEntryPoint.sessionManagementFilter(OrdersServlet.CHALLENGE);
    BenchChain chain = new BenchChain();
    BenchResponse response = new BenchResponse();
    BodyCapture body = new BodyCapture(response);
    rival.doFilter(BenchRequest.expiredSession(mapping, context), body, chain);

    assertEquals(0, chain.calls(), "an expired session does not reach the servlet");
    assertEquals(401, response.getStatus());
    assertEquals(OrdersServlet.CHALLENGE, response.getHeader("WWW-Authenticate"));
    assertEquals("no-store", response.getHeader("Cache-Control"));
    assertEquals("JSESSIONID=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly",
        response.getHeader("Set-Cookie"));
    assertEquals("application/problem+json", response.getContentType());
    String problem = new String(body.body(), StandardCharsets.UTF_8);
    assertEquals("{\"type\":\"https://expiry.dev/problems/session-expired\",\"title\":\"Session expired\",\"status\":401,"
        + "\"detail\":\"Your session has expired. Log in again to continue.\",\"instance\":\"/api/orders/42\"}", problem);
    assertEquals(body.body().length, response.contentLength());

    response.reset();
    rival.doFilter(BenchRequest.validSession(mapping, context), response, chain);
    assertEquals(1, chain.calls(), "a valid session reaches the servlet");
    assertEquals(0, response.headerCount());
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
    for (String chart : List.of("runtime.svg", "build.svg", "build-corpora.svg")) {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(chart).toFile());
      assertEquals("svg", doc.getDocumentElement().getTagName(), chart);
    }
  }

  @Test
  void writesMarkdownAndTheReadmeBlock() throws Exception {
    String md = Files.readString(out.resolve("results.md"));
    assertTrue(md.contains("| `expiryExpired` |"), md);
    assertTrue(md.contains("| servlets | 5 |"), md);
    assertTrue(md.contains("| spring | 5 |"), md);
    assertTrue(md.contains("| spring-no-policy | 5 |"), md);
    assertTrue(md.contains("Spring application: processor adds < 3%"), md);
    assertTrue(md.contains("no policy anywhere: processor within noise of `-proc:none`"), md);
    assertTrue(md.contains("expired faster than `springEntryPointExpired`"), md);
    assertTrue(md.contains("with `ExpiryFilter`"), md);
    String text = Files.readString(readme);
    assertTrue(text.startsWith("# Title\n\n" + Report.BEGIN + "\n"), text);
    assertTrue(text.endsWith(Report.END + "\n\nafter\n"), text);
    assertFalse(text.contains("\nold\n"), text);
    assertTrue(text.contains("](results/runtime.svg)"), text);
  }
}
