package dev.expiry.benchmarks.report;

import dev.expiry.benchmarks.Stats;
import dev.expiry.benchmarks.Suite;
import dev.expiry.benchmarks.Suite.Results;
import dev.expiry.benchmarks.Suite.RuntimeRow;
import dev.expiry.benchmarks.build.BuildBenchmark;
import dev.expiry.benchmarks.build.BuildBenchmark.Corpus;
import dev.expiry.benchmarks.build.BuildBenchmark.Point;
import dev.expiry.benchmarks.build.BuildBenchmark.Series;
import dev.expiry.benchmarks.e2e.EndToEndBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a run's results: {@code results.json}, {@code results.md} (ratios first, absolute times
 * second), {@code runtime.svg}, {@code build.svg} (the servlet corpus against N) and {@code
 * build-corpora.svg} (every corpus and N); after a full run also the README's results block,
 * between {@value #BEGIN} and {@value #END}.
 */
public final class Report {

  public static final String BEGIN = "<!-- benchmark-results:begin -->";
  public static final String END = "<!-- benchmark-results:end -->";

  /** Allocation below this, in bytes per request, is measurement noise: no object is that small. */
  static final double NO_ALLOCATION = 1.0;

  private Report() {}

  public static void write(Results results) throws IOException {
    Path out = results.settings().out();
    Files.writeString(out.resolve("results.json"), Json.write(json(results)), StandardCharsets.UTF_8);
    if (results.runtime() != null) {
      Files.writeString(out.resolve("runtime.svg"), runtimeChart(results.runtime()), StandardCharsets.UTF_8);
    }
    if (results.build() != null) {
      Optional<BuildBenchmark.Series> servlets = results.build().of(Corpus.SERVLETS);
      if (servlets.isPresent()) {
        Files.writeString(out.resolve("build.svg"), Charts.build(
            "Build time: javac with and without the Expiry processor (median CPU, wall hollow)", servlets.get()),
            StandardCharsets.UTF_8);
      }
      Files.writeString(out.resolve("build-corpora.svg"), corporaChart(results.build()), StandardCharsets.UTF_8);
    }
    Files.writeString(out.resolve("results.md"), markdown(results, ""), StandardCharsets.UTF_8);
    Path readme = results.settings().readme();
    if (readme != null && Files.exists(readme)) {
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      if (begin >= 0 && end > begin) {
        Path base = readme.toAbsolutePath().getParent().relativize(out.toAbsolutePath());
        String link = base.toString().replace('\\', '/') + "/";
        String block = BEGIN + "\n" + markdown(results, link) + END;
        Files.writeString(readme, text.substring(0, begin) + block + text.substring(end + END.length()), StandardCharsets.UTF_8);
      }
    }
  }

  // ---------------------------------------------------------------- JSON

  static Map<String, Object> json(Results r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("mode", r.settings().mode());
    root.put("machine", r.machine());
    root.put("seconds", r.seconds());
    root.put("targets", targets(r).stream().map(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("target", t.target());
      m.put("measured", t.measured());
      m.put("met", t.met());
      return m;
    }).toList());
    if (r.runtime() != null) {
      Suite.JmhSettings s = r.settings().jmh();
      Map<String, Object> runtime = new LinkedHashMap<>();
      runtime.put("settings", Map.of("forks", s.forks(), "warmupIterations", s.warmups(),
          "warmupMs", s.warmup().toMillis(), "iterations", s.iterations(), "iterationMs", s.iteration().toMillis()));
      runtime.put("unit", "ns/op");
      List<Object> rows = new ArrayList<>();
      double base = baseline(r.runtime());
      for (RuntimeRow row : r.runtime()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", row.variant());
        m.put("nsPerOp", row.nsPerOp());
        m.put("error99_9", row.error());
        m.put("overBaselineNs", row.nsPerOp() - base);
        m.put("allocBytesPerOp", row.allocBytesPerOp());
        m.put("samples", row.samples());
        rows.add(m);
      }
      runtime.put("variants", rows);
      root.put("runtime", runtime);
    }
    if (r.build() != null) {
      BuildBenchmark.Config c = r.settings().build();
      Map<String, Object> build = new LinkedHashMap<>();
      build.put("settings", Map.of("warmupSize", c.warmupSize(), "warmups", c.warmups(),
          "measures", c.measures().stream().map(m -> Map.of("corpus", m.corpus().id(), "endpoints", m.endpoints(),
              "runs", m.runs())).toList()));
      List<Object> corpora = new ArrayList<>();
      for (Series series : r.build().series()) {
        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("corpus", series.corpus().id());
        corpus.put("nCounts", series.corpus().label());
        corpus.put("points", series.points().stream().map(Report::point).toList());
        corpus.put("fit", Map.of("plainWall", line(series.plain()), "processorWall", line(series.processor()),
            "addedWall", line(series.added()), "addedCpu", line(series.addedCpu())));
        corpora.add(corpus);
      }
      build.put("corpora", corpora);
      root.put("build", build);
    }
    if (r.e2e() != null) {
      EndToEndBenchmark.Result e = r.e2e();
      Map<String, Object> e2e = new LinkedHashMap<>();
      EndToEndBenchmark.Config c = e.config();
      e2e.put("settings", Map.of("connections", c.threads(), "warmupMs", c.warmup().toMillis(), "rounds", c.rounds(),
          "roundMs", c.round().toMillis(), "maxRequestsPerRound", c.maxRequestsPerRound(),
          "mix", "70% valid session, 20% expired session, 10% no cookie"));
      e2e.put("throughputRatio", e.ratio());
      e2e.put("withoutFilter", side(e.plain()));
      e2e.put("withFilter", side(e.expiry()));
      root.put("endToEnd", e2e);
    }
    return root;
  }

  private static Map<String, Object> point(Point p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("endpoints", p.endpoints());
    m.put("sourceFiles", p.files());
    m.put("runs", p.runs());
    m.put("plainMedianMs", p.plainMedian());
    m.put("processorMedianMs", p.processorMedian());
    m.put("ratio", p.processorMedian() / p.plainMedian());
    m.put("addedPercent", p.addedPercent());
    m.put("addedMsPerEndpoint", p.addedMsPerEndpoint());
    m.put("plainCpuMedianMs", p.plainCpuMedian());
    m.put("processorCpuMedianMs", p.processorCpuMedian());
    m.put("cpuRatio", p.cpuRatio());
    m.put("addedCpuPercent", p.addedCpuPercent());
    m.put("addedCpuMsPerEndpoint", p.addedCpuMsPerEndpoint());
    m.put("cpuNoisePercent", p.cpuNoisePercent());
    m.put("processingCpuMedianMs", p.processingMedian());
    m.put("emptyProcessorCpuMedianMs", p.emptyCpuMedian());
    m.put("emptyProcessorAddedCpuPercent", p.emptyAddedCpuPercent());
    m.put("overEmptyProcessorCpuPercent", p.overEmptyCpuPercent());
    m.put("emptyProcessorCpuRunsMs", p.emptyCpuMs());
    m.put("uncalledProcessorCpuMedianMs", p.uncalledCpuMedian());
    m.put("uncalledProcessorAddedCpuPercent", p.uncalledAddedCpuPercent());
    m.put("uncalledProcessorCpuRunsMs", p.uncalledCpuMs());
    Map<String, Object> thread = new LinkedHashMap<>();
    for (BuildBenchmark.Mode mode : BuildBenchmark.Mode.values()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("medianMs", p.threadCpuMedian(mode));
      t.put("addedPercent", p.threadAddedPercent(mode));
      t.put("runsMs", p.threadCpuMs().get(mode));
      thread.put(mode.name().toLowerCase(Locale.ROOT), t);
    }
    m.put("compilingThreadCpu", thread);
    m.put("generatedFiles", p.generated());
    m.put("endpointsNamedInGenerated", p.endpointsNamed());
    m.put("processorDiagnostics", p.processorDiagnostics());
    m.put("plainRunsMs", p.plainMs());
    m.put("processorRunsMs", p.processorMs());
    m.put("plainCpuRunsMs", p.plainCpuMs());
    m.put("processorCpuRunsMs", p.processorCpuMs());
    m.put("processingCpuRunsMs", p.processingMs());
    return m;
  }

  private static Map<String, Object> line(Stats.Line l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("msPerEndpoint", l.slope());
    m.put("interceptMs", l.intercept());
    m.put("r2", l.r2());
    return m;
  }

  private static Map<String, Object> side(EndToEndBenchmark.Side s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("context", s.context());
    m.put("requestsPerSecond", s.throughput());
    m.put("roundsRequestsPerSecond", s.throughputs());
    m.put("requests", s.requests());
    m.put("validSession", s.byKind()[0]);
    m.put("expiredSession", s.byKind()[1]);
    m.put("noCookie", s.byKind()[2]);
    m.put("reconnects", s.reconnects());
    m.put("p50Micros", s.p50Micros());
    m.put("p99Micros", s.p99Micros());
    m.put("p999Micros", s.p999Micros());
    return m;
  }

  // ---------------------------------------------------------------- targets

  /** One goal, what was measured against it, and whether it is met. */
  public record Target(String target, String measured, boolean met) {}

  public static List<Target> targets(Results r) {
    List<Target> targets = new ArrayList<>();
    if (r.runtime() != null) {
      double base = baseline(r.runtime());
      find(r.runtime(), "expiryValidSession").ifPresent(v -> {
        targets.add(new Target("valid session within 5 ns/op of baseline", f("%+.1f ns", v.nsPerOp() - base),
            v.nsPerOp() - base <= 5));
        targets.add(new Target("valid session: 0 B/op allocated by the filter", f("%.2f B/op", v.allocBytesPerOp()),
            v.allocBytesPerOp() < NO_ALLOCATION));
      });
      Optional<RuntimeRow> expired = find(r.runtime(), "expiryExpired");
      for (String rival : List.of(SPRING_EXPIRED, REFLECTION_EXPIRED)) {
        Optional<RuntimeRow> other = find(r.runtime(), rival);
        if (expired.isPresent() && other.isPresent()) {
          double ratio = other.get().nsPerOp() / expired.get().nsPerOp();
          targets.add(new Target(f("expired faster than `%s`", rival),
              f("%s%s", times(ratio), overlap(expired.get(), other.get())), ratio > 1));
        }
      }
      Optional<RuntimeRow> replay = find(r.runtime(), REPLAY_EXPIRED);
      if (expired.isPresent() && replay.isPresent()) {
        double ratio = expired.get().nsPerOp() / replay.get().nsPerOp();
        targets.add(new Target(f("expired within 1.5× of `%s` (the lower bound)", REPLAY_EXPIRED),
            f("%.2f× its time%s", ratio, overlap(expired.get(), replay.get())), ratio <= 1.5));
      }
    }
    if (r.build() != null) {
      r.build().of(Corpus.SERVLETS).ifPresent(s -> {
        Point mid = s.nearest(1000);
        targets.add(new Target(f("servlets: processor adds < 10%% to javac at N = %,d", mid.endpoints()),
            f("%+.1f%% CPU time (%+.1f%% wall); %s", mid.addedCpuPercent(), mid.addedPercent(), overEmpty(mid)),
            mid.addedCpuPercent() < 10));
        Point last = s.largest();
        if (last != mid) {
          // Linear: the added cost per endpoint does not grow with N, or at least no faster than javac's own.
          double growth = last.addedCpuMsPerEndpoint() / mid.addedCpuMsPerEndpoint();
          boolean linear = growth <= 1.25 || last.addedCpuPercent() <= mid.addedCpuPercent();
          targets.add(new Target(f("servlets: processor cost linear in N up to %,d", last.endpoints()),
              f("%.3f CPU ms/endpoint at N = %,d (%+.1f%%), %.3f at N = %,d (%+.1f%%); fit %.3f ms/endpoint, R² %.3f",
                  mid.addedCpuMsPerEndpoint(), mid.endpoints(), mid.addedCpuPercent(), last.addedCpuMsPerEndpoint(),
                  last.endpoints(), last.addedCpuPercent(), s.addedCpu().slope(), s.addedCpu().r2()),
              linear));
        }
      });
      r.build().of(Corpus.SPRING).ifPresent(s -> {
        Point p = s.nearest(1000);
        targets.add(new Target(f("Spring application: processor adds < 3%% to javac at N = %,d", p.endpoints()),
            f("%+.1f%% CPU time (%+.1f%% wall); %s%s", p.addedCpuPercent(), p.addedPercent(), overEmpty(p),
                p.uncalledAddedCpuPercent() >= 3 && p.threadAddedPercent(BuildBenchmark.Mode.UNCALLED_PROCESSOR) >= 3
                    ? "; below what javac spends for a processor it never calls, so out of reach of any processor" : ""),
            p.addedCpuPercent() < 3));
      });
      r.build().of(Corpus.SPRING_NO_POLICY).ifPresent(s -> {
        Point p = s.nearest(1000);
        double noise = p.cpuNoisePercent();
        targets.add(new Target(f("no policy anywhere: processor within noise of `-proc:none` at N = %,d", p.endpoints()),
            f("%.3f× the CPU time (%+.1f%%); %s; %s", p.cpuRatio(), p.addedCpuPercent(),
                Double.isNaN(noise) ? "one run per mode, no noise estimate" : f("run-to-run noise ±%.1f%%", noise),
                overEmpty(p)),
            !Double.isNaN(noise) && Math.abs(p.addedCpuPercent()) <= noise));
      });
    }
    if (r.e2e() != null) {
      targets.add(new Target("end-to-end throughput with the filter ≥ 98% of without",
          f("%.1f%%", 100 * r.e2e().ratio()), r.e2e().ratio() >= 0.98));
    }
    return targets;
  }

  /** Says so when the 99.9% error intervals of two variants overlap. */
  private static String overlap(RuntimeRow a, RuntimeRow b) {
    return Math.abs(a.nsPerOp() - b.nsPerOp()) <= a.error() + b.error() ? " (the 99.9% error intervals overlap)" : "";
  }

  // ---------------------------------------------------------------- Markdown

  static String markdown(Results r, String link) {
    StringBuilder md = new StringBuilder();
    Map<String, Object> m = r.machine();
    md.append(f("Measured %s (%s run, %.0f s) on %s cores, %s, %s; load average %.1f at start, %.1f at end.%n%n",
        String.valueOf(m.get("date")).substring(0, 10), r.settings().mode(), r.seconds(), m.get("cores"), m.get("jdk"),
        m.get("os"), (Double) m.get("loadAverageAtStart"), (Double) m.get("loadAverageAtEnd")));
    headlines(r, md);
    List<Target> targets = targets(r);
    if (!targets.isEmpty()) {
      md.append("\n| target | measured | |\n| --- | --- | --- |\n");
      for (Target t : targets) {
        md.append(f("| %s | %s | %s |%n", t.target(), t.measured(), t.met() ? "met" : "**missed**"));
      }
    }
    if (r.runtime() != null) {
      Suite.JmhSettings s = r.settings().jmh();
      md.append(f("%n**Per request** (JMH 1.37, `-prof gc`; %d fork(s) × %d × %d ms after %d × %d ms warm-up; "
          + "the same in-memory request and response objects for every variant):%n%n",
          s.forks(), s.iterations(), s.iteration().toMillis(), s.warmups(), s.warmup().toMillis()));
      md.append("| variant | ns/op | ± (99.9%) | over baseline | allocated |\n| --- | ---: | ---: | ---: | ---: |\n");
      double base = baseline(r.runtime());
      for (RuntimeRow row : r.runtime()) {
        md.append(f("| `%s` | %.1f | %s | %s | %s |%n", row.variant(), row.nsPerOp(),
            Double.isNaN(row.error()) ? "–" : f("%.1f", row.error()),
            row.variant().equals("baseline") ? "–" : f("%+.1f ns", row.nsPerOp() - base), bytes(row.allocBytesPerOp())));
      }
      md.append("\n`springEntryPoint*`: Spring Security's `SessionManagementFilter` with an `InvalidSessionStrategy` that "
          + "deletes the stale cookie and hands over to a `DelegatingAuthenticationEntryPoint` (a `MediaTypeRequestMatcher` "
          + "chooses the login redirect or a 401 with the challenge and a `ProblemDetail` Jackson serializes); "
          + "`constantReplay*`: the same filter writing Expiry's answer, captured once, from constants (a lower bound); "
          + "`reflection*`: a filter reading a RUNTIME twin of `@ExpiryPolicy` by reflection.\n");
    }
    if (r.build() != null) {
      BuildBenchmark.Config c = r.settings().build();
      md.append(f("%n**Build** (javac in-process, `--release 17`; per corpus and N the median of the runs listed, the "
          + "modes alternating, after %d warm-up compilation(s) per mode of each corpus; `-proc:none` against the "
          + "processor on its own `-processorpath`). *servlets*: N one-method servlets, each with its own policy. "
          + "*spring*: a Spring MVC application of N `@RestController`s with four handler methods each (GET, POST, PUT, "
          + "DELETE; `@PathVariable`, `@RequestBody`), a constructor-injected `@Service` and two record DTOs each, 50 to "
          + "a package; one controller in five has its own policy, the others a package default or a composed policy. "
          + "*spring-no-policy*: the same application without any `@ExpiryPolicy`.%n%n", c.warmups()));
      md.append("CPU time is the whole JVM's (javac, JIT, GC) during the compilation; it is what the targets are judged "
          + "on, because wall time on a loaded machine mostly measures the other processes. Noise is the larger "
          + "spread (highest minus lowest over the median) of the two modes' CPU times.\n\n");
      md.append("*Never called* is a processor that supports one annotation no source uses, so that javac never "
          + "calls it: what javac spends only because a processor is on the path (a processing round, and the final "
          + "round that enters every source again), the floor under any processor's cost. *An empty processor* "
          + "supports every annotation and does nothing: that, plus the annotations javac collects for it; *over "
          + "empty* is what Expiry adds on top of it. *javac's thread* is the CPU time of the compiling thread alone "
          + "(javac and the processor, without the JIT compiler's and the garbage collector's threads), which moves "
          + "far less from run to run.\n\n");
      md.append("| corpus | N | source files | runs | javac CPU | with processor CPU | ratio | added | added per endpoint "
          + "| noise | never called | an empty processor | over empty | javac's thread: added | never called "
          + "| processing rounds CPU | javac wall | with processor wall | generated files (endpoints they name) |\n"
          + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
          + "| ---: | ---: | ---: |\n");
      for (Point p : r.build().points()) {
        md.append(f("| %s | %,d | %,d | %d | %,.0f ms | %,.0f ms | %.3f× | %+.1f%% | %.3f ms | %s | %+.1f%% | %+.1f%% "
                + "| %+.1f%% | %+.1f%% | %+.1f%% | %,.0f ms | %,.0f ms | %,.0f ms | %,d (%,d) |%n",
            p.corpus().id(), p.endpoints(), p.files(), p.runs(), p.plainCpuMedian(), p.processorCpuMedian(), p.cpuRatio(),
            p.addedCpuPercent(), p.addedCpuMsPerEndpoint(), Double.isNaN(p.cpuNoisePercent()) ? "–"
                : f("±%.1f%%", p.cpuNoisePercent()), p.uncalledAddedCpuPercent(), p.emptyAddedCpuPercent(),
            p.overEmptyCpuPercent(), p.threadAddedPercent(BuildBenchmark.Mode.EXPIRY),
            p.threadAddedPercent(BuildBenchmark.Mode.UNCALLED_PROCESSOR),
            p.processingMedian(), p.plainMedian(), p.processorMedian(), p.generated(), p.endpointsNamed()));
      }
      for (Series series : r.build().series()) {
        if (series.points().size() > 1) {
          md.append(f("%nLeast squares over N (%s) of the added CPU time: %.3f ms per endpoint (R² %.3f); of the added "
                  + "wall time: %.3f ms per endpoint (R² %.3f). javac alone: %.3f wall ms per endpoint (R² %.3f).%n",
              series.corpus().id(), series.addedCpu().slope(), series.addedCpu().r2(), series.added().slope(),
              series.added().r2(), series.plain().slope(), series.plain().r2()));
        }
      }
    }
    if (r.e2e() != null) {
      EndToEndBenchmark.Result e = r.e2e();
      EndToEndBenchmark.Config c = e.config();
      md.append(f("%n**End to end** (Jetty 12.1 on 127.0.0.1, one server with two contexts, %d keep-alive connections, "
          + "70%% valid session / 20%% expired / 10%% no cookie; %d alternating rounds of %.1f s per context after %.1f s warm-up):%n%n",
          c.threads(), c.rounds(), c.round().toMillis() / 1e3, c.warmup().toMillis() / 1e3));
      md.append("| | req/s (median) | p50 | p99 | p99.9 | requests | connections the server closed |\n"
          + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      for (EndToEndBenchmark.Side s : List.of(e.plain(), e.expiry())) {
        md.append(f("| %s | %,.0f | %.0f µs | %.0f µs | %.0f µs | %,d | %,d |%n", s == e.plain() ? "without filter" : "with `ExpiryFilter`",
            s.throughput(), s.p50Micros(), s.p99Micros(), s.p999Micros(), s.requests(), s.reconnects()));
      }
    }
    if (r.runtime() != null || r.build() != null) {
      md.append('\n');
      if (r.runtime() != null) {
        md.append(f("![ns per request by variant](%sruntime.svg)%n", link));
      }
      if (r.build() != null) {
        if (r.build().of(Corpus.SERVLETS).isPresent()) {
          md.append(f("![javac time against N](%sbuild.svg)%n", link));
        }
        md.append(f("![javac CPU time by corpus and N](%sbuild-corpora.svg)%n", link));
      }
    }
    return md.toString();
  }

  private static void headlines(Results r, StringBuilder md) {
    if (r.runtime() != null) {
      double base = baseline(r.runtime());
      find(r.runtime(), "expiryValidSession").ifPresent(v -> md.append(f(
          "- **Valid session: %+.1f ns over no filter** (%.1f vs %.1f ns/op), %s allocated.%n",
          v.nsPerOp() - base, v.nsPerOp(), base, bytes(v.allocBytesPerOp()))));
      find(r.runtime(), "expiryNoSession").ifPresent(v -> md.append(f(
          "- **No session cookie: %+.1f ns over no filter** (%.1f ns/op), %s allocated.%n",
          v.nsPerOp() - base, v.nsPerOp(), bytes(v.allocBytesPerOp()))));
      Optional<RuntimeRow> expired = find(r.runtime(), "expiryExpired");
      Optional<RuntimeRow> spring = find(r.runtime(), SPRING_EXPIRED);
      Optional<RuntimeRow> replay = find(r.runtime(), REPLAY_EXPIRED);
      Optional<RuntimeRow> reflection = find(r.runtime(), REFLECTION_EXPIRED);
      if (expired.isPresent() && spring.isPresent() && replay.isPresent() && reflection.isPresent()) {
        RuntimeRow x = expired.get();
        md.append(f("- **Expired session: %s than Spring Security's `SessionManagementFilter` with a "
                + "`DelegatingAuthenticationEntryPoint` and a Jackson `ProblemDetail`, %.2f× the time of replaying the "
                + "answer from constants, %s than reading a runtime annotation by reflection** (%.1f vs %.1f vs %.1f vs "
                + "%.1f ns/op; %s vs %s vs %s vs %s allocated).%n",
            times(spring.get().nsPerOp() / x.nsPerOp()), x.nsPerOp() / replay.get().nsPerOp(),
            times(reflection.get().nsPerOp() / x.nsPerOp()), x.nsPerOp(), spring.get().nsPerOp(), replay.get().nsPerOp(),
            reflection.get().nsPerOp(), bytes(x.allocBytesPerOp()), bytes(spring.get().allocBytesPerOp()),
            bytes(replay.get().allocBytesPerOp()), bytes(reflection.get().allocBytesPerOp())));
      }
    }
    if (r.build() != null) {
      r.build().of(Corpus.SERVLETS).ifPresent(s -> {
        Point mid = s.nearest(1000);
        Point last = s.largest();
        md.append(f("- **Build, servlets: %+.1f%% javac CPU time at N = %,d** (%.3f ms per endpoint; %,.0f vs %,.0f ms; "
                + "wall %+.1f%%)%s; the added CPU time grows %.3f ms per endpoint (least squares, R² %.3f).%n",
            mid.addedCpuPercent(), mid.endpoints(), mid.addedCpuMsPerEndpoint(), mid.processorCpuMedian(),
            mid.plainCpuMedian(), mid.addedPercent(), last == mid ? "" : f(", %+.1f%% at N = %,d (%d run(s) per mode)",
                last.addedCpuPercent(), last.endpoints(), last.runs()), s.addedCpu().slope(), s.addedCpu().r2()));
      });
      r.build().of(Corpus.SPRING).ifPresent(s -> {
        Point p = s.nearest(1000);
        md.append(f("- **Build, Spring MVC application: %+.1f%% javac CPU time at N = %,d controllers** (%,d handler "
                + "methods, %,d source files; %,.0f vs %,.0f ms; wall %+.1f%%).%n",
            p.addedCpuPercent(), p.endpoints(), 4 * p.endpoints(), p.files(), p.processorCpuMedian(), p.plainCpuMedian(),
            p.addedPercent()));
      });
      r.build().of(Corpus.SPRING_NO_POLICY).ifPresent(s -> {
        Point p = s.nearest(1000);
        md.append(f("- **Build, the same application without any policy: the processor takes %.3f× the CPU time of "
                + "`-proc:none`** at N = %,d (%,.0f vs %,.0f ms; %s).%n",
            p.cpuRatio(), p.endpoints(), p.processorCpuMedian(), p.plainCpuMedian(),
            Double.isNaN(p.cpuNoisePercent()) ? "one run per mode" : f("run-to-run noise ±%.1f%%", p.cpuNoisePercent())));
      });
    }
    if (r.e2e() != null) {
      EndToEndBenchmark.Result e = r.e2e();
      md.append(f("- **End to end: %.1f%% of the throughput without the filter** (%,.0f vs %,.0f req/s; p50 %.0f vs %.0f µs, "
              + "p99 %.0f vs %.0f µs).%n",
          100 * e.ratio(), e.expiry().throughput(), e.plain().throughput(), e.expiry().p50Micros(), e.plain().p50Micros(),
          e.expiry().p99Micros(), e.plain().p99Micros()));
    }
  }

  private static String runtimeChart(List<RuntimeRow> rows) {
    List<Charts.Bar> bars = new ArrayList<>();
    for (RuntimeRow row : rows) {
      String color = row.variant().startsWith("expiry") ? "#1b7f5b"
          : row.variant().startsWith("springEntryPoint") ? "#d9822b"
          : row.variant().startsWith("constantReplay") ? "#e3b77d"
          : row.variant().startsWith("reflection") ? "#7a4fb3" : "#888";
      bars.add(new Charts.Bar(row.variant(), row.nsPerOp(), row.error(),
          f("%.1f ns, %s", row.nsPerOp(), bytes(row.allocBytesPerOp())), color));
    }
    return Charts.bars("Per request: ns/op by variant (JMH)", "ns per request (log scale, lower is better)", 0.1, bars);
  }

  /** Median CPU time per corpus and N, without and with the processor. */
  private static String corporaChart(BuildBenchmark.Result build) {
    List<Charts.Bar> bars = new ArrayList<>();
    double min = Double.MAX_VALUE;
    for (Point p : build.points()) {
      String point = f("%s N=%,d", p.corpus().id(), p.endpoints());
      bars.add(new Charts.Bar(point + " -proc:none", p.plainCpuMedian(), Double.NaN,
          f("%,.0f ms", p.plainCpuMedian()), "#777"));
      bars.add(new Charts.Bar(point + " processor", p.processorCpuMedian(), Double.NaN,
          f("%,.0f ms (%+.1f%%)", p.processorCpuMedian(), p.addedCpuPercent()), "#1b7f5b"));
      min = Math.min(min, p.plainCpuMedian());
    }
    double floor = Math.pow(10, Math.floor(Math.log10(Math.max(1, min))));
    return Charts.bars("Build: javac CPU time with and without the Expiry processor, by corpus and N (median)",
        "javac CPU ms (log scale, lower is better)", floor, bars);
  }

  /** "3.1× faster" for a ratio of 3.1, "2.0× slower" for 0.5. */
  static String times(double ratio) {
    return ratio >= 1 ? f("%.1f× faster", ratio) : f("%.1f× slower", 1 / ratio);
  }

  static final String SPRING_EXPIRED = "springEntryPointExpired";
  static final String REPLAY_EXPIRED = "constantReplayExpired";
  static final String REFLECTION_EXPIRED = "reflectionExpired";

  private static double baseline(List<RuntimeRow> rows) {
    return find(rows, "baseline").map(RuntimeRow::nsPerOp).orElse(Double.NaN);
  }

  private static Optional<RuntimeRow> find(List<RuntimeRow> rows, String variant) {
    return rows.stream().filter(r -> r.variant().equals(variant)).findFirst();
  }

  private static String bytes(double b) {
    return Double.isNaN(b) ? "? B/op" : b < NO_ALLOCATION ? "0 B/op" : f("%.0f B/op", b);
  }

  /**
   * {@code a processor javac never calls +10.0%, an empty processor +12.0%, Expiry +2.1% over it;
   * javac's thread alone +9.0% (never called +8.0%)}.
   */
  private static String overEmpty(Point p) {
    return f("a processor javac never calls %+.1f%%, an empty processor %+.1f%%, Expiry %+.1f%% over it;"
            + " javac's thread alone %+.1f%% (never called %+.1f%%)", p.uncalledAddedCpuPercent(),
        p.emptyAddedCpuPercent(), p.overEmptyCpuPercent(), p.threadAddedPercent(BuildBenchmark.Mode.EXPIRY),
        p.threadAddedPercent(BuildBenchmark.Mode.UNCALLED_PROCESSOR));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
