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
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor adds to a build: N generated servlets compiled in-process by javac, once with
 * annotation processing off ({@code -proc:none}) and once with the Expiry processor on its own
 * {@code -processorpath}, as Maven runs it. Runs alternate between the two, after warm-up
 * compilations, and each compiles into a fresh output directory.
 */
public final class BuildBenchmark {

  /** Endpoint counts, unmeasured compilations per mode (of {@code warmupSize} servlets), measured runs per mode. */
  public record Config(List<Integer> sizes, int warmupSize, int warmups, int runs) {}

  /** The measured compilations at one N, in milliseconds. */
  public record Point(int endpoints, List<Double> plainMs, List<Double> processorMs, List<Double> processingMs,
      List<Double> plainCpuMs, List<Double> processorCpuMs) {

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
  }

  /** All points, and least-squares lines of median time against N. */
  public record Result(List<Point> points, Stats.Line plain, Stats.Line processor, Stats.Line added, Stats.Line addedCpu) {}

  private final Config config;
  private final Consumer<String> log;

  public BuildBenchmark(Config config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  public Result run() throws IOException {
    Path root = Files.createTempDirectory("expiry-build-bench");
    try {
      List<Path> warmupSources = EndpointSources.write(root.resolve("warmup"), config.warmupSize());
      for (int i = 0; i < config.warmups(); i++) {
        compile(warmupSources, root.resolve("out"), false);
        compile(warmupSources, root.resolve("out"), true);
      }
      log.accept(String.format(Locale.ROOT, "build: %d warm-up compilation(s) per mode of %d servlets done",
          config.warmups(), config.warmupSize()));
      List<Point> points = new ArrayList<>();
      for (int n : config.sizes()) {
        List<Path> sources = EndpointSources.write(root.resolve("src-" + n), n);
        List<Double> plain = new ArrayList<>();
        List<Double> processor = new ArrayList<>();
        List<Double> processing = new ArrayList<>();
        List<Double> plainCpu = new ArrayList<>();
        List<Double> processorCpu = new ArrayList<>();
        for (int run = 0; run < config.runs(); run++) {
          // Alternate which mode goes first, so that drift hits both alike.
          boolean processorFirst = run % 2 == 1;
          for (boolean withProcessor : processorFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
            Compilation c = compile(sources, root.resolve("out"), withProcessor);
            if (withProcessor) {
              processor.add(c.totalMs());
              processorCpu.add(c.cpuMs());
              processing.add(c.processingMs());
              if (c.handlers() != n) {
                throw new IllegalStateException("the processor indexed " + c.handlers() + " handlers for " + n + " servlets");
              }
            } else {
              plain.add(c.totalMs());
              plainCpu.add(c.cpuMs());
            }
          }
        }
        Point point = new Point(n, plain, processor, processing, plainCpu, processorCpu);
        points.add(point);
        log.accept(String.format(Locale.ROOT, "build: N=%d  javac %.0f ms, with processor %.0f ms (%+.1f%% wall, %+.1f%% CPU: "
                + "%.0f vs %.0f ms)", n, point.plainMedian(), point.processorMedian(), point.addedPercent(),
            point.addedCpuPercent(), point.plainCpuMedian(), point.processorCpuMedian()));
      }
      double[] ns = points.stream().mapToDouble(Point::endpoints).toArray();
      return new Result(points,
          Stats.fit(ns, points.stream().mapToDouble(Point::plainMedian).toArray()),
          Stats.fit(ns, points.stream().mapToDouble(Point::processorMedian).toArray()),
          Stats.fit(ns, points.stream().mapToDouble(Point::addedMs).toArray()),
          Stats.fit(ns, points.stream().mapToDouble(p -> p.processorCpuMedian() - p.plainCpuMedian()).toArray()));
    } finally {
      delete(root);
    }
  }

  record Compilation(double totalMs, double cpuMs, double processingMs, int handlers) {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static Compilation compile(List<Path> sources, Path out, boolean withProcessor) throws IOException {
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
        "-classpath", pathOf("jakarta.servlet.http.HttpServlet", "dev.expiry.ExpiryPolicy")));
    if (withProcessor) {
      options.addAll(List.of(
          "-processorpath", pathOf("dev.expiry.processor.ExpiryProcessor", "com.palantir.javapoet.JavaFile"),
          "-processor", "dev.expiry.processor.ExpiryProcessor"));
    } else {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long[] processing = new long[2];
    long start = System.nanoTime();
    long startCpu = OS.getProcessCpuTime();
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
        throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
      }
    }
    double total = (System.nanoTime() - start) / 1e6;
    double cpu = (OS.getProcessCpuTime() - startCpu) / 1e6;
    Path index = out.resolve("META-INF/services/dev.expiry.runtime.ExpiryHandler");
    int handlers = Files.exists(index)
        ? (int) Files.readAllLines(index).stream().filter(l -> !l.isBlank()).count()
        : 0;
    return new Compilation(total, cpu, (processing[1] - processing[0]) / 1e6, handlers);
  }

  /** The class path entries (jar or directory) that hold the named classes. */
  private static String pathOf(String... classNames) {
    List<String> entries = new ArrayList<>();
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
