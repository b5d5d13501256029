package dev.expiry.benchmarks;

import dev.expiry.benchmarks.build.BuildBenchmark;
import dev.expiry.benchmarks.build.BuildBenchmark.Corpus;
import dev.expiry.benchmarks.build.BuildBenchmark.Measure;
import dev.expiry.benchmarks.e2e.EndToEndBenchmark;
import dev.expiry.benchmarks.filter.FilterBenchmark;
import dev.expiry.benchmarks.report.Report;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the whole benchmark suite and writes {@code results/}: per request (JMH, through its Runner
 * API, forking JVMs with this JVM's class path), per build (javac in-process) and end to end
 * (embedded Jetty on loopback).
 *
 * <pre>
 * Suite [--quick] [--out DIR] [--readme README.md] [--only jmh,build,e2e] [--corpora C,C,...] [--sizes N,N,...] [--runs R]
 * </pre>
 *
 * {@code --corpora} keeps the build points of the named corpora (servlets, spring,
 * spring-no-policy), {@code --sizes} replaces the servlet corpus's sizes, {@code --runs} sets the
 * runs per mode of every build point. A full run also rewrites the README's results block; a quick
 * run, or one with any of those three, never does.
 */
public final class Suite {

  /** How JMH runs: which variants, forks, warm-up and measurement iterations. */
  public record JmhSettings(List<String> variants, int forks, int warmups, Duration warmup, int iterations,
      Duration iteration, boolean verbose) {}

  /** Everything a run needs. {@code readme} may be null; {@code parts} is a subset of jmh, build, e2e. */
  public record Settings(String mode, JmhSettings jmh, BuildBenchmark.Config build, EndToEndBenchmark.Config e2e,
      Path out, Path readme, Set<String> parts) {

    public Settings with(Path out, Path readme, Set<String> parts) {
      return new Settings(mode, jmh, build, e2e, out, readme, parts);
    }
  }

  /** One JMH variant's result. */
  public record RuntimeRow(String variant, double nsPerOp, double error, double allocBytesPerOp, long samples) {}

  /** What a run measured; a part that did not run is null. */
  public record Results(Settings settings, Map<String, Object> machine, List<RuntimeRow> runtime,
      BuildBenchmark.Result build, EndToEndBenchmark.Result e2e, double seconds) {}

  static final Set<String> ALL_PARTS = Set.of("jmh", "build", "e2e");

  /**
   * About ten minutes: 2 forks of 4+5 one-second iterations per variant; javac on the
   * servlet corpus at N = 100 and 1,000 (3 runs per mode) and 5,000 and 20,000 (1 run per mode: a
   * compilation of 20,000 servlets takes minutes), on the Spring application at N = 1,000 with and
   * without policies (3 runs each); 5 Jetty rounds each.
   */
  public static Settings full() {
    return new Settings("full",
        new JmhSettings(FilterBenchmark.VARIANTS, 2, 4, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), true),
        new BuildBenchmark.Config(List.of(
            new Measure(Corpus.SERVLETS, 100, 3), new Measure(Corpus.SERVLETS, 1000, 3),
            new Measure(Corpus.SPRING, 1000, 3), new Measure(Corpus.SPRING_NO_POLICY, 1000, 3),
            new Measure(Corpus.SERVLETS, 5000, 1), new Measure(Corpus.SERVLETS, 20_000, 1)), 500, 2),
        new EndToEndBenchmark.Config(8, Duration.ofSeconds(3), 5, Duration.ofSeconds(3), 2_000_000),
        Path.of("results"), null, ALL_PARTS);
  }

  /** Under two minutes: everything, with short iterations and smaller N. */
  public static Settings quick() {
    return new Settings("quick",
        new JmhSettings(FilterBenchmark.VARIANTS, 1, 2, Duration.ofMillis(200), 3, Duration.ofMillis(200), true),
        new BuildBenchmark.Config(List.of(
            new Measure(Corpus.SERVLETS, 50, 1), new Measure(Corpus.SERVLETS, 150, 1), new Measure(Corpus.SERVLETS, 300, 1),
            new Measure(Corpus.SPRING, 100, 1), new Measure(Corpus.SPRING_NO_POLICY, 100, 3)), 200, 1),
        new EndToEndBenchmark.Config(8, Duration.ofMillis(500), 2, Duration.ofSeconds(1), 500_000),
        Path.of("results-quick"), null, ALL_PARTS);
  }

  public static void main(String[] args) throws Exception {
    Settings settings = full();
    Path out = null;
    Path readme = null;
    Set<String> parts = ALL_PARTS;
    List<Integer> sizes = null;
    Set<Corpus> corpora = null;
    Integer runs = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> settings = quick();
        case "--out" -> out = Path.of(args[++i]);
        case "--readme" -> readme = Path.of(args[++i]);
        case "--only" -> parts = Set.of(args[++i].split(","));
        case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--corpora" -> corpora = Arrays.stream(args[++i].split(",")).map(Corpus::of)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Corpus.class)));
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; usage: Suite [--quick] [--out DIR] [--readme README.md] [--only jmh,build,e2e]"
                + " [--corpora servlets,spring,spring-no-policy] [--sizes N,N,...] [--runs R]");
      }
    }
    if (sizes != null || runs != null || corpora != null) {
      BuildBenchmark.Config b = settings.build();
      settings = new Settings(settings.mode(), settings.jmh(), b.with(measures(b.measures(), sizes, corpora, runs)),
          settings.e2e(), settings.out(), null, settings.parts());
      readme = null; // not the standard run: leave the README alone
    }
    if (!ALL_PARTS.containsAll(parts)) {
      throw new IllegalArgumentException("--only takes jmh, build, e2e; got " + parts);
    }
    if (out == null) {
      out = settings.out();
    } else if (settings.mode().equals("quick")) {
      out = out.resolveSibling(out.getFileName() + "-quick"); // a quick run never overwrites the full results
    }
    settings = settings.with(out, settings.mode().equals("full") ? readme : null, parts);
    Results results = run(settings);
    System.out.println();
    System.out.println(Files.readString(settings.out().resolve("results.md")));
    System.out.printf(Locale.ROOT, "Wrote %s in %.0f s%n", settings.out().toAbsolutePath().normalize(), results.seconds());
  }

  /**
   * The build points with the servlet corpus at other sizes (each with the runs of the corpus's
   * first point), only the named corpora, and every point with other runs; a null leaves that as it is.
   */
  static List<Measure> measures(List<Measure> measures, List<Integer> servletSizes, Set<Corpus> corpora, Integer runs) {
    List<Measure> out = new ArrayList<>();
    boolean replaced = false;
    for (Measure m : measures) {
      if (servletSizes != null && m.corpus() == Corpus.SERVLETS) {
        if (!replaced) {
          servletSizes.forEach(n -> out.add(new Measure(Corpus.SERVLETS, n, m.runs())));
          replaced = true;
        }
      } else {
        out.add(m);
      }
    }
    if (servletSizes != null && !replaced) {
      servletSizes.forEach(n -> out.add(new Measure(Corpus.SERVLETS, n, 1)));
    }
    return out.stream()
        .filter(m -> corpora == null || corpora.contains(m.corpus()))
        .map(m -> runs == null ? m : new Measure(m.corpus(), m.endpoints(), runs))
        .toList();
  }

  /** Runs the parts the settings name and writes the results directory. */
  public static Results run(Settings settings) throws Exception {
    long start = System.nanoTime();
    Files.createDirectories(settings.out());
    Map<String, Object> machine = machine();
    List<RuntimeRow> runtime = null;
    BuildBenchmark.Result build = null;
    EndToEndBenchmark.Result e2e = null;
    if (settings.parts().contains("jmh")) {
      log("per request: JMH, " + settings.jmh().variants().size() + " variant(s)");
      runtime = jmh(settings.jmh(), settings.out().resolve("jmh.json"));
    }
    if (settings.parts().contains("build")) {
      log("build: javac with and without the processor, " + settings.build().measures().stream()
          .map(m -> m.corpus().id() + " N=" + m.endpoints() + " x" + m.runs()).collect(Collectors.joining(", ")));
      build = new BuildBenchmark(settings.build(), Suite::log).run();
    }
    if (settings.parts().contains("e2e")) {
      log("end to end: Jetty on 127.0.0.1, " + settings.e2e().threads() + " connections");
      e2e = new EndToEndBenchmark(settings.e2e(), Suite::log).run();
    }
    machine.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Results results = new Results(settings, machine, runtime, build, e2e, (System.nanoTime() - start) / 1e9);
    Report.write(results);
    return results;
  }

  /**
   * JMH records where the forked JVM's executable lies on the measuring machine; the results are
   * published, so keep only its name ({@code java}).
   */
  static void withoutJvmPath(Path json) throws java.io.IOException {
    if (java.nio.file.Files.exists(json)) {
      String text = java.nio.file.Files.readString(json);
      java.nio.file.Files.writeString(json,
          text.replaceAll("(\"jvm\"\\s*:\\s*\")[^\"]*[/\\\\]([^/\\\\\"]+\")", "$1$2"));
    }
  }

  /**
   * Spring logs through commons-logging, and Spring Security hands it lazy debug messages on the
   * expired path. On this class path (SLF4J without a provider, no log4j-api) commons-logging 1.3
   * would pick its SLF4J bridge, which formats every message before asking the level; a Spring
   * Boot application routes it through log4j-api, which asks first. The forks log as that
   * application does with debug off: nothing is formatted.
   */
  static final String LOG_FACTORY = "org.apache.commons.logging.LogFactory";
  static final String LOG = "org.apache.commons.logging.Log";

  static List<RuntimeRow> jmh(JmhSettings jmh, Path json) throws Exception {
    String include = "^" + Pattern.quote(FilterBenchmark.class.getName()) + "\\.("
        + String.join("|", jmh.variants()) + ")$";
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(jmh.forks())
        .warmupIterations(jmh.warmups())
        .warmupTime(TimeValue.milliseconds(jmh.warmup().toMillis()))
        .measurementIterations(jmh.iterations())
        .measurementTime(TimeValue.milliseconds(jmh.iteration().toMillis()))
        .threads(1)
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .verbosity(jmh.verbose() ? VerboseMode.NORMAL : VerboseMode.SILENT)
        .result(json.toString())
        .resultFormat(ResultFormatType.JSON);
    if (jmh.forks() > 0) {
      options.jvmArgs("-Xms1g", "-Xmx1g", "-D" + LOG_FACTORY + "=org.apache.commons.logging.impl.LogFactoryImpl",
          "-D" + LOG + "=org.apache.commons.logging.impl.NoOpLog");
    }
    Collection<RunResult> runs = new Runner(options.build()).run();
    withoutJvmPath(json);
    Map<String, RuntimeRow> byName = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      String variant = name.substring(name.lastIndexOf('.') + 1);
      Result<?> primary = run.getPrimaryResult();
      Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
      byName.put(variant, new RuntimeRow(variant, primary.getScore(), primary.getScoreError(),
          alloc == null ? Double.NaN : alloc.getScore(), primary.getSampleCount()));
    }
    List<RuntimeRow> rows = new ArrayList<>();
    for (String variant : jmh.variants()) {
      RuntimeRow row = byName.get(variant);
      if (row == null) {
        throw new IllegalStateException("JMH produced no result for " + variant);
      }
      rows.add(row);
    }
    return rows;
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")");
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    m.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return m;
  }

  static void log(String message) {
    System.out.println("[bench] " + message);
    System.out.flush();
  }
}
