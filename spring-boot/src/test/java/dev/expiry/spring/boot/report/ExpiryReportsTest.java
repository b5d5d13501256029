package dev.expiry.spring.boot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and merging the reports of several jars and class directories, from real jars on a
 * {@link URLClassLoader}, with the hand-made reports of this package's test resources (format 1
 * as {@code docs/report-format.md} specifies it).
 */
class ExpiryReportsTest {

  private static final String FIXTURE = "dev.expiry.spring.boot.report.fixture";

  @TempDir
  Path dir;

  @Test
  void thePackagesOfTwoJarsAreMergedAndTheSamePackageGetsTheEndpointsOfBoth() throws IOException {
    try (URLClassLoader loader = Reports.loader(Reports.jar(dir, "stock.jar", "stock-report.json"),
        Reports.jar(dir, "shop.jar", "shop-report.json"))) {
      ExpiryReports reports = new ExpiryReports(loader);
      Map<String, Object> report = reports.report();

      assertEquals(List.of("format", "version", "sources", "packages"), List.copyOf(report.keySet()),
          "the generator and members this reader does not know at the top are the single reports', not the merge's");
      assertEquals("expiry-report", report.get("format"));
      assertEquals(1, report.get("version"));
      assertEquals(List.of("stock.jar", "shop.jar"), report.get("sources"), "in the class loader's order");
      List<Map<String, Object>> packages = maps(report.get("packages"));
      assertEquals(List.of(FIXTURE, FIXTURE + ".health"), packages.stream().map(p -> p.get("package")).toList(),
          "sorted by name");
      assertEquals(List.of(FIXTURE + ".OrdersController", FIXTURE + ".ReportsController", FIXTURE + ".StockController"),
          maps(packages.get(0).get("endpoints")).stream().map(e -> e.get("class")).toList(),
          "one package from two jars: the endpoints of both, sorted by class");
      assertEquals(Map.of("reason", "Health checks are public."), packages.get(1).get("exemption"));
      assertTrue(reports.warnings().isEmpty(), reports.warnings()::toString);
    }
  }

  @Test
  void anOperationIsFoundByClassAndMethodKeyAsTheReportHasIt() throws IOException {
    try (URLClassLoader loader = Reports.loader(Reports.jar(dir, "shop.jar", "shop-report.json"))) {
      ExpiryReports reports = new ExpiryReports(loader);
      Map<String, Object> save = reports.operation(FIXTURE + ".OrdersController", "save(java.lang.String[],int)")
          .orElseThrow();
      // As listed: only the slots that answer, each naming one of the endpoint's responses.
      assertEquals(0, maps(save.get("answers")).get(0).get("response"));
      List<Map<String, Object>> answers = reports.answers(FIXTURE + ".OrdersController", "save(java.lang.String[],int)");
      assertEquals(maps(save.get("answers")).size(), answers.size());
      assertEquals("SESSION", answers.get(0).get("on"));
      assertEquals(303, answers.get(0).get("status"));
      assertEquals(List.of(List.of("Location", "/login")), answers.get(0).get("headers"));
      Map<String, Object> last = answers.get(answers.size() - 1);
      assertEquals("CSRF_TOKEN", last.get("on"));
      assertEquals("application/problem+json", last.get("body"));
      assertTrue(last.get("problem") instanceof Map<?, ?>, last::toString);
      assertTrue(answers.stream().noneMatch(a -> "ACCESS_TOKEN".equals(a.get("on"))), answers::toString);
      assertEquals(List.of(), reports.answers(FIXTURE + ".OrdersController", "save()"));
      assertTrue(reports.operation(FIXTURE + ".OrdersController", "save()").isEmpty());
      assertTrue(reports.operation(FIXTURE + ".Nothing", "api()").isEmpty());
    }
  }

  @Test
  void aReportOfAnotherVersionIsSkippedWithOneWarningThatNamesIt() throws IOException {
    String warning = theOneWarning("future.jar", "version-2-report.json", "shop.jar", "shop-report.json");
    assertTrue(warning.endsWith(": its version is 2; this reader knows version 1"), warning);
  }

  @Test
  void aReportThatDoesNotParseIsSkippedWithOneWarningThatNamesIt() throws IOException {
    String warning = theOneWarning("broken.jar", "broken-report.json", "stock.jar", "stock-report.json");
    assertTrue(warning.contains(": it is not JSON (Unexpected end-of-input"), warning);
  }

  /** Reads {@code skipped} and {@code kept}: only the second is merged, and the first gets one warning. */
  private String theOneWarning(String skipped, String skippedFixture, String kept, String keptFixture)
      throws IOException {
    try (URLClassLoader loader = Reports.loader(Reports.jar(dir, skipped, skippedFixture),
        Reports.jar(dir, kept, keptFixture))) {
      ExpiryReports reports = new ExpiryReports(loader);
      assertEquals(List.of(kept), reports.report().get("sources"));
      List<String> names = maps(reports.report().get("packages")).stream().map(p -> (String) p.get("package")).toList();
      assertTrue(names.stream().allMatch(n -> n.startsWith(FIXTURE)), names::toString);
      assertEquals(1, reports.warnings().size(), reports.warnings()::toString);
      String warning = reports.warnings().get(0);
      String url = "jar:" + dir.resolve(skipped).toUri().toURL() + "!/" + ExpiryReports.LOCATION;
      assertTrue(warning.startsWith("Expiry skips the policy report " + url + ": "), warning);
      return warning;
    }
  }

  @Test
  void jsonThatIsNotAReportIsSkippedToo() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.createDirectories(classes.resolve("META-INF/expiry"));
    Files.writeString(classes.resolve(ExpiryReports.LOCATION), "{\"packages\":[]}");
    try (URLClassLoader loader = Reports.loader(classes)) {
      ExpiryReports reports = new ExpiryReports(loader);
      assertEquals(List.of(), reports.report().get("sources"));
      assertEquals(List.of(), reports.report().get("packages"));
      assertTrue(reports.warnings().get(0).contains("it is not an expiry-report"), reports.warnings()::toString);
    }
  }

  @Test
  void theReportsAreReadOnFirstUseAndKept() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("build/classes"));
    try (URLClassLoader loader = Reports.loader(classes)) {
      ExpiryReports reports = new ExpiryReports(loader);
      Reports.directory(classes, "shop-report.json"); // written after the bean, before its first use
      Map<String, Object> first = reports.report();
      assertEquals(List.of("build/classes"), first.get("sources"), "a directory: its last two names");
      Files.delete(classes.resolve(ExpiryReports.LOCATION));
      assertSame(first, reports.report());
      assertTrue(reports.operation(FIXTURE + ".OrdersController", "api()").isPresent());
    }
  }

  @Test
  void noReportIsAnEmptyMerge() {
    ExpiryReports reports = new ExpiryReports(Reports.loader());
    assertEquals(Map.of("format", "expiry-report", "version", 1, "sources", List.of(), "packages", List.of()),
        reports.report());
    assertTrue(reports.warnings().isEmpty());
  }

  @Test
  void sourcesAreNamedWithoutTheMachinesPaths() {
    assertEquals("shop-1.0.jar", name("jar:file:/srv/shop/lib/shop-1.0.jar!/META-INF/expiry/report.json"));
    assertEquals("app.jar!/BOOT-INF/classes",
        name("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/META-INF/expiry/report.json"));
    assertEquals("shop-1.0.jar", name("jar:nested:/srv/app.jar/!BOOT-INF/lib/shop-1.0.jar!/META-INF/expiry/report.json"));
    assertEquals("app/classes", name("file:/srv/app/classes/META-INF/expiry/report.json"));
    Path below = Path.of("").toAbsolutePath().resolve("target/classes");
    assertEquals("target/classes", name(below.toUri() + "META-INF/expiry/report.json"),
        "below the working directory: relative to it");
    assertFalse(name(below.toUri() + "META-INF/expiry/report.json").startsWith("/"));
  }

  private static String name(String url) {
    return ExpiryReports.sourceName(url);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    return (List<Map<String, Object>>) list;
  }
}
