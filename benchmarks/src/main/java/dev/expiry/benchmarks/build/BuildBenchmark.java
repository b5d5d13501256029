package dev.expiry.benchmarks.build;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import dev.expiry.benchmarks.Stats;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor adds to a build: a generated corpus of N endpoints compiled in-process by
 * javac, once with annotation processing off ({@code -proc:none}) and once with the Expiry processor
 * on its own {@code -processorpath}, as Maven runs it. Runs alternate between the two, after
 * warm-up compilations of each corpus, and each compiles into a fresh output directory.
 */
public final class BuildBenchmark {

  /** What is compiled. */
  public enum Corpus {
    /** {@link EndpointSources}: one-method servlets, each with its own policy. */
    SERVLETS("servlets", "servlets", true),
    /** {@link SpringSources} with policies: controllers, services and records of a Spring MVC application. */
    SPRING("spring", "Spring MVC controllers", true),
    /** {@link SpringSources} without any {@code @ExpiryPolicy}: what the processor costs where it has nothing to do. */
    SPRING_NO_POLICY("spring-no-policy", "Spring MVC controllers, no policy anywhere", false);

    private final String id;
    private final String label;
    private final boolean policies;

    Corpus(String id, String label, boolean policies) {
      this.id = id;
      this.label = label;
      this.policies = policies;
    }

    /** The name in results and on the command line. */
    public String id() {
      return id;
    }

    /** What N counts, for tables. */
    public String label() {
      return label;
    }

    /** Whether the corpus declares policies, so that the processor must generate something. */
    public boolean hasPolicies() {
      return policies;
    }

    public static Corpus of(String id) {
      for (Corpus c : values()) {
        if (c.id.equals(id)) {
          return c;
        }
      }
      throw new IllegalArgumentException("no corpus " + id + "; corpora: servlets, spring, spring-no-policy");
    }

    List<Path> write(Path dir, int endpoints) throws IOException {
      return this == SERVLETS ? EndpointSources.write(dir, endpoints) : SpringSources.write(dir, endpoints, policies);
    }

    /** The compilation's class path: the servlet API and Expiry's annotations, and Spring MVC for the Spring corpora. */
    String classPath() {
      List<String> classes = new ArrayList<>(List.of("jakarta.servlet.http.HttpServlet", "dev.expiry.ExpiryPolicy"));
      if (this != SERVLETS) {
        classes.addAll(List.of(
            "org.springframework.web.bind.annotation.RestController", // spring-web
            "org.springframework.web.servlet.DispatcherServlet", // spring-webmvc
            "org.springframework.stereotype.Service", // spring-context
            "org.springframework.beans.factory.InitializingBean", // spring-beans
            "org.springframework.core.annotation.AliasFor", // spring-core
            "org.springframework.aop.framework.ProxyFactory", // spring-aop
            "org.springframework.expression.ExpressionParser", // spring-expression
            "org.jspecify.annotations.Nullable"));
      }
      return pathOf(classes.toArray(new String[0]));
    }
  }

  /** One point to measure: a corpus of {@code endpoints} endpoints, compiled {@code runs} times per mode. */
  public record Measure(Corpus corpus, int endpoints, int runs) {}

  /**
   * The points, in the order they are measured, and the warm-up: before the first point of each
   * corpus, {@code warmups} unmeasured compilations per mode of a corpus of {@code warmupSize}
   * source files.
   */
  public record Config(List<Measure> measures, int warmupSize, int warmups) {

    /** The same warm-up with other points. */
    public Config with(List<Measure> other) {
      return new Config(other, warmupSize, warmups);
    }
  }

  /**
   * The measured compilations of one corpus at one N, in milliseconds, with the number of source
   * files, the files the processor generated and how many endpoints those name.
   */
  public record Point(Corpus corpus, int endpoints, int files, List<Double> plainMs, List<Double> processorMs,
      List<Double> processingMs, List<Double> plainCpuMs, List<Double> processorCpuMs, List<Double> emptyCpuMs,
      List<Double> uncalledCpuMs, Map<Mode, List<Double>> threadCpuMs,
      int generated, int endpointsNamed, int processorDiagnostics) {

    public int runs() {
      return plainMs.size();
    }

    public double plainMedian() {
      return Stats.median(plainMs);
    }

    public double processorMedian() {
      return Stats.median(processorMs);
    }

    /** Median CPU time javac's thread spent in annotation processing rounds (the processor, plus parsing what it wrote). */
    public double processingMedian() {
      return Stats.median(processingMs);
    }

    public double addedMs() {
      return processorMedian() - plainMedian();
    }

    /** Median CPU time of the JVM (all threads) compiling without the processor: robust when other processes load the machine. */
    public double plainCpuMedian() {
      return Stats.median(plainCpuMs);
    }

    public double processorCpuMedian() {
      return Stats.median(processorCpuMs);
    }

    /** Median CPU time with {@link EmptyProcessor} instead of Expiry's: the floor of any processor. */
    public double emptyCpuMedian() {
      return Stats.median(emptyCpuMs);
    }

    /** Median CPU time with {@link UncalledProcessor}: a processor on the path that javac never calls. */
    public double uncalledCpuMedian() {
      return Stats.median(uncalledCpuMs);
    }

    /** What a processor javac never calls adds to javac's CPU time, in percent of {@code -proc:none}. */
    public double uncalledAddedCpuPercent() {
      return 100 * (uncalledCpuMedian() - plainCpuMedian()) / plainCpuMedian();
    }

    /** Median CPU time of the compiling thread alone (javac and the processor; no JIT or GC threads) in a mode. */
    public double threadCpuMedian(Mode mode) {
      return Stats.median(threadCpuMs.get(mode));
    }

    /** What a mode adds to the compiling thread's CPU time, in percent of {@code -proc:none}'s. */
    public double threadAddedPercent(Mode mode) {
      return 100 * (threadCpuMedian(mode) - threadCpuMedian(Mode.PLAIN)) / threadCpuMedian(Mode.PLAIN);
    }

    /** What an empty processor adds to javac's CPU time, in percent of {@code -proc:none}. */
    public double emptyAddedCpuPercent() {
      return 100 * (emptyCpuMedian() - plainCpuMedian()) / plainCpuMedian();
    }

    /** What Expiry adds over an empty processor, in percent of {@code -proc:none}. */
    public double overEmptyCpuPercent() {
      return 100 * (processorCpuMedian() - emptyCpuMedian()) / plainCpuMedian();
    }

    public double cpuRatio() {
      return processorCpuMedian() / plainCpuMedian();
    }

    public double addedCpuPercent() {
      return 100 * (processorCpuMedian() - plainCpuMedian()) / plainCpuMedian();
    }

    public double addedCpuMsPerEndpoint() {
      return (processorCpuMedian() - plainCpuMedian()) / endpoints;
    }

    public double addedPercent() {
      return 100 * addedMs() / plainMedian();
    }

    public double addedMsPerEndpoint() {
      return addedMs() / endpoints;
    }

    /**
     * Run-to-run noise of the CPU times, in percent: the larger spread (highest minus lowest over
     * the median) of the two modes' runs; NaN with a single run per mode.
     */
    public double cpuNoisePercent() {
      return runs() < 2 ? Double.NaN : Math.max(Stats.spreadPercent(plainCpuMs), Stats.spreadPercent(processorCpuMs));
    }
  }

  /** One corpus's points, and least-squares lines of median time against N (through the origin with one point). */
  public record Series(Corpus corpus, List<Point> points, Stats.Line plain, Stats.Line processor, Stats.Line added,
      Stats.Line addedCpu) {

    static Series of(Corpus corpus, List<Point> points) {
      double[] ns = points.stream().mapToDouble(Point::endpoints).toArray();
      return new Series(corpus, List.copyOf(points),
          Stats.fit(ns, points.stream().mapToDouble(Point::plainMedian).toArray()),
          Stats.fit(ns, points.stream().mapToDouble(Point::processorMedian).toArray()),
          Stats.fit(ns, points.stream().mapToDouble(Point::addedMs).toArray()),
          Stats.fit(ns, points.stream().mapToDouble(p -> p.processorCpuMedian() - p.plainCpuMedian()).toArray()));
    }

    /** The point nearest N = {@code n}. */
    public Point nearest(int n) {
      return points.stream().min(Comparator.comparingInt(p -> Math.abs(p.endpoints() - n))).orElseThrow();
    }

    public Point largest() {
      return points.stream().max(Comparator.comparingInt(Point::endpoints)).orElseThrow();
    }
  }

  /** Every corpus measured, in the order of its first point. */
  public record Result(List<Series> series) {

    public Optional<Series> of(Corpus corpus) {
      return series.stream().filter(s -> s.corpus() == corpus).findFirst();
    }

    /** All points, corpus by corpus. */
    public List<Point> points() {
      return series.stream().flatMap(s -> s.points().stream()).toList();
    }
  }

  private final Config config;
  private final Consumer<String> log;

  public BuildBenchmark(Config config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  public Result run() throws IOException {
    Path root = Files.createTempDirectory("expiry-build-bench");
    try {
      Set<Corpus> warm = new LinkedHashSet<>();
      List<Point> points = new ArrayList<>();
      for (Measure measure : config.measures()) {
        Corpus corpus = measure.corpus();
        if (warm.add(corpus)) {
          warmUp(corpus, root);
        }
        int n = measure.endpoints();
        List<Path> sources = corpus.write(root.resolve(corpus.id() + "-" + n), n);
        List<Double> plain = new ArrayList<>();
        List<Double> processor = new ArrayList<>();
        List<Double> processing = new ArrayList<>();
        List<Double> plainCpu = new ArrayList<>();
        List<Double> processorCpu = new ArrayList<>();
        List<Double> emptyCpu = new ArrayList<>();
        List<Double> uncalledCpu = new ArrayList<>();
        Map<Mode, List<Double>> threadCpu = new EnumMap<>(Mode.class);
        Compilation last = null;
        for (int run = 0; run < measure.runs(); run++) {
          // Rotate which mode goes first, so that drift hits all alike.
          Mode[] modes = Mode.values();
          for (int m = 0; m < modes.length; m++) {
            Mode mode = modes[(m + run) % modes.length];
            Compilation c = compile(corpus, sources, root.resolve("out"), mode);
            threadCpu.computeIfAbsent(mode, k -> new ArrayList<>()).add(c.threadCpuMs());
            switch (mode) {
              case EXPIRY -> {
                processor.add(c.totalMs());
                processorCpu.add(c.cpuMs());
                processing.add(c.processingMs());
                last = c;
              }
              case PLAIN -> {
                plain.add(c.totalMs());
                plainCpu.add(c.cpuMs());
              }
              case EMPTY_PROCESSOR -> emptyCpu.add(c.cpuMs());
              case UNCALLED_PROCESSOR -> uncalledCpu.add(c.cpuMs());
            }
          }
        }
        Point point = new Point(corpus, n, sources.size(), plain, processor, processing, plainCpu, processorCpu, emptyCpu,
            uncalledCpu, threadCpu, last == null ? 0 : last.generated(), last == null ? 0 : last.endpointsNamed(),
            last == null ? 0 : last.processorDiagnostics().size());
        points.add(point);
        log.accept(String.format(Locale.ROOT, "build: %s N=%d (%d files, %d run(s))  javac %.0f ms, with processor %.0f ms "
                + "(%+.1f%% wall, %+.1f%% CPU: %.0f vs %.0f ms; an uncalled processor %+.1f%%, an empty one %+.1f%% CPU;"
                + " javac's thread %+.1f%%, uncalled %+.1f%%); the processor generated"
                + " %d file(s) naming %d endpoint(s)",
            corpus.id(), n, sources.size(), measure.runs(), point.plainMedian(), point.processorMedian(),
            point.addedPercent(), point.addedCpuPercent(), point.plainCpuMedian(), point.processorCpuMedian(),
            point.uncalledAddedCpuPercent(), point.emptyAddedCpuPercent(), point.threadAddedPercent(Mode.EXPIRY),
            point.threadAddedPercent(Mode.UNCALLED_PROCESSOR), point.generated(), point.endpointsNamed()));
        if (last != null && !last.processorDiagnostics().isEmpty()) {
          log.accept("build: the processor reported " + last.processorDiagnostics().size() + " diagnostic(s), the first: "
              + last.processorDiagnostics().get(0));
        }
      }
      List<Series> series = new ArrayList<>();
      for (Corpus corpus : warm) {
        series.add(Series.of(corpus, points.stream().filter(p -> p.corpus() == corpus).toList()));
      }
      return new Result(series);
    } finally {
      delete(root);
    }
  }

  /** Unmeasured compilations of a small corpus of the same kind, so that javac and the processor run JIT-compiled. */
  private void warmUp(Corpus corpus, Path root) throws IOException {
    if (config.warmups() == 0) {
      return;
    }
    int endpoints = corpus == Corpus.SERVLETS ? config.warmupSize() : Math.max(1, config.warmupSize() / 4);
    List<Path> sources = corpus.write(root.resolve("warmup-" + corpus.id()), endpoints);
    for (int i = 0; i < config.warmups(); i++) {
      for (Mode mode : Mode.values()) {
        compile(corpus, sources, root.resolve("out"), mode);
      }
    }
    log.accept(String.format(Locale.ROOT, "build: %d warm-up compilation(s) per mode of %d %s (%d files) done",
        config.warmups(), endpoints, corpus.label(), sources.size()));
  }

  /**
   * One compilation: wall and CPU time, CPU time in processing rounds, the files (sources and
   * resources) the processor generated, how many endpoints of the corpus they name, and what the
   * processor reported.
   */
  record Compilation(double totalMs, double cpuMs, double threadCpuMs, double processingMs, int generated, int endpointsNamed,
      List<String> processorDiagnostics) {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** An endpoint class of either corpus, by its number; also in qualified names and class literals. */
  private static final Pattern ENDPOINT = Pattern.compile("\\bEndpoint(\\d+)(?:Servlet|Controller)\\b");

  /**
   * How a corpus is compiled: without processors; with one javac never calls (the cost of a
   * processor on the path at all); with an empty one that supports every annotation; with Expiry's.
   */
  public enum Mode { PLAIN, UNCALLED_PROCESSOR, EMPTY_PROCESSOR, EXPIRY }

  private static Compilation compile(Corpus corpus, List<Path> sources, Path out, Mode mode)
      throws IOException {
    boolean withProcessor = mode == Mode.EXPIRY;
    delete(out);
    Files.createDirectories(out);
    System.gc();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK");
    }
    List<String> options = new ArrayList<>(List.of(
        "--release", "17", "-encoding", "UTF-8", "-implicit:none", "-nowarn",
        "-d", out.toString(),
        "-classpath", corpus.classPath()));
    if (withProcessor) {
      options.addAll(List.of(
          "-processorpath", pathOf("dev.expiry.processor.ExpiryProcessor"),
          "-processor", "dev.expiry.processor.ExpiryProcessor"));
    } else if (mode == Mode.EMPTY_PROCESSOR || mode == Mode.UNCALLED_PROCESSOR) {
      String name = (mode == Mode.EMPTY_PROCESSOR ? EmptyProcessor.class : UncalledProcessor.class).getName();
      options.addAll(List.of("-processorpath", pathOf(name), "-processor", name));
    } else {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long[] processing = new long[2];
    long start = System.nanoTime();
    long startCpu = OS.getProcessCpuTime();
    long startThread = THREADS.getCurrentThreadCpuTime();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      task.addTaskListener(new TaskListener() {
        @Override
        public void started(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
            processing[0] = THREADS.getCurrentThreadCpuTime();
          }
        }

        @Override
        public void finished(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
            processing[1] = THREADS.getCurrentThreadCpuTime();
          }
        }
      });
      if (!task.call()) {
        throw new IllegalStateException("javac failed on the " + corpus.id() + " corpus: " + diagnostics.getDiagnostics());
      }
    }
    double total = (System.nanoTime() - start) / 1e6;
    double cpu = (OS.getProcessCpuTime() - startCpu) / 1e6;
    double threadCpu = (THREADS.getCurrentThreadCpuTime() - startThread) / 1e6;
    // What the processor wrote, sources and resources alike, is in the class output directory (no
    // -s); javac itself writes only class files there.
    int generated = 0;
    Set<Integer> named = new TreeSet<>();
    try (Stream<Path> paths = Files.walk(out)) {
      for (Path p : (Iterable<Path>) paths.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".class"))::iterator) {
        generated++;
        // Read as Latin-1: any bytes decode, and the names searched for are ASCII.
        Matcher m = ENDPOINT.matcher(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        while (m.find()) {
          named.add(Integer.valueOf(m.group(1)));
        }
      }
    }
    if (withProcessor && corpus.hasPolicies() && generated == 0) {
      throw new IllegalStateException("the processor generated nothing for the " + corpus.id()
          + " corpus, which declares policies");
    }
    List<String> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() != Diagnostic.Kind.NOTE && message.startsWith("[")) { // the processor's: "[RuleId] ..."
        reported.add(d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + " ")
            + message.lines().findFirst().orElse(""));
      }
    }
    return new Compilation(total, cpu, threadCpu, (processing[1] - processing[0]) / 1e6, generated, named.size(), reported);
  }

  /** The class path entries (jar or directory) that hold the named classes. */
  private static String pathOf(String... classNames) {
    Set<String> entries = new LinkedHashSet<>();
    for (String name : classNames) {
      try {
        Class<?> type = Class.forName(name, false, BuildBenchmark.class.getClassLoader());
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (ReflectiveOperationException | java.net.URISyntaxException | NullPointerException e) {
        throw new IllegalStateException("cannot locate " + name + " on the class path", e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
