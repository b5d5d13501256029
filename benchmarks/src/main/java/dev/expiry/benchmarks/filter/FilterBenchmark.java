package dev.expiry.benchmarks.filter;

import dev.expiry.benchmarks.inmemory.BenchChain;
import dev.expiry.benchmarks.inmemory.BenchFilterConfig;
import dev.expiry.benchmarks.inmemory.BenchMapping;
import dev.expiry.benchmarks.inmemory.BenchRequest;
import dev.expiry.benchmarks.inmemory.BenchResponse;
import dev.expiry.benchmarks.inmemory.BenchServletContext;
import dev.expiry.runtime.ExpiryFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of one request through each filter, on the same in-memory request and response objects.
 *
 * <p>Every benchmark first resets the response and clears the request's attributes (no allocation),
 * then runs one request, then hands status and servlet-call count to the {@link Blackhole}. {@link
 * #baseline} does the same reset and calls the chain directly, so the reset cancels out of every
 * difference to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {

  /** The benchmark methods, in report order. */
  public static final List<String> VARIANTS = List.of(
      "baseline",
      "expiryValidSession", "expiryNoSession", "expiryExpired",
      "springEntryPointValidSession", "springEntryPointExpired",
      "constantReplayValidSession", "constantReplayExpired",
      "reflectionValidSession", "reflectionExpired");

  private BenchRequest valid;
  private BenchRequest none;
  private BenchRequest expired;
  private BenchResponse response;
  private BenchChain chain;
  private Filter expiry;
  private Filter spring;
  private Filter replay;
  private Filter reflection;
  private ExpiredAnswer answer;

  @Setup
  public void setUp() throws ServletException, IOException {
    BenchServletContext context = new BenchServletContext(FilterBenchmark.class.getClassLoader());
    BenchMapping mapping = context.register("orders", OrdersServlet.class, "/api/orders/*");
    valid = BenchRequest.validSession(mapping, context);
    none = BenchRequest.noSession(mapping, context);
    expired = BenchRequest.expiredSession(mapping, context);
    response = new BenchResponse();
    chain = new BenchChain();

    expiry = new ExpiryFilter();
    expiry.init(new BenchFilterConfig(ExpiryFilter.NAME, context));
    reset(expired);
    BodyCapture body = new BodyCapture(response);
    expiry.doFilter(expired, body, chain);
    if (response.getStatus() != 401 || !OrdersServlet.CHALLENGE.equals(response.getHeader("WWW-Authenticate"))) {
      throw new IllegalStateException("ExpiryFilter should answer an expired session with 401 and the challenge, but got "
          + response.getStatus() + " " + response.getHeader("WWW-Authenticate"));
    }
    answer = ExpiredAnswer.capture(response, body.body());
    spring = SpringEntryPoint.sessionManagementFilter(OrdersServlet.CHALLENGE);
    replay = ConstantReplay.sessionManagementFilter(answer);
    reflection = new ReflectionExpiryFilter(answer);
    reflection.init(new BenchFilterConfig("reflection", context));

    for (Filter filter : List.of(expiry, spring, replay, reflection)) {
      check(filter, valid, false);
      check(filter, none, false);
      // Spring Security's entry point names in Vary the one header it decides by.
      check(filter, expired, true, filter == spring ? Set.of("Vary") : Set.of());
    }
  }

  private void check(Filter filter, BenchRequest request, boolean answers) throws ServletException, IOException {
    check(filter, request, answers, Set.of());
  }

  /**
   * Fails the run when a variant does not do what it is measured for: pass the request on
   * untouched, or write Expiry's answer (the headers named in {@code ownValues} with a value of its own).
   */
  private void check(Filter filter, BenchRequest request, boolean answers, Set<String> ownValues)
      throws ServletException, IOException {
    String what = filter.getClass().getSimpleName() + " on a request with session id "
        + request.getRequestedSessionId() + " (valid: " + request.isRequestedSessionIdValid() + ")";
    reset(request);
    int before = chain.calls();
    BodyCapture body = new BodyCapture(response);
    filter.doFilter(request, body, chain);
    boolean passed = chain.calls() == before + 1;
    if (answers) {
      String differences = answer.differences(response, body.body(), ownValues);
      if (passed || !differences.isEmpty()) {
        throw new IllegalStateException(what + " should answer as ExpiryFilter does, but differs: " + differences
            + ", passed on: " + passed);
      }
    } else if (!passed || response.getStatus() != 200 || response.headerCount() != 0) {
      throw new IllegalStateException(what + " should pass the request on untouched");
    }
    reset(request);
  }

  private void reset(BenchRequest request) {
    response.reset();
    request.clear();
  }

  private void consume(Blackhole bh) {
    bh.consume(response.getStatus());
    bh.consume(chain.calls());
  }

  @Benchmark
  public void baseline(Blackhole bh) throws IOException, ServletException {
    reset(valid);
    chain.doFilter(valid, response);
    consume(bh);
  }

  @Benchmark
  public void expiryValidSession(Blackhole bh) throws IOException, ServletException {
    reset(valid);
    expiry.doFilter(valid, response, chain);
    consume(bh);
  }

  @Benchmark
  public void expiryNoSession(Blackhole bh) throws IOException, ServletException {
    reset(none);
    expiry.doFilter(none, response, chain);
    consume(bh);
  }

  @Benchmark
  public void expiryExpired(Blackhole bh) throws IOException, ServletException {
    reset(expired);
    expiry.doFilter(expired, response, chain);
    consume(bh);
  }

  @Benchmark
  public void springEntryPointValidSession(Blackhole bh) throws IOException, ServletException {
    reset(valid);
    spring.doFilter(valid, response, chain);
    consume(bh);
  }

  @Benchmark
  public void springEntryPointExpired(Blackhole bh) throws IOException, ServletException {
    reset(expired);
    spring.doFilter(expired, response, chain);
    consume(bh);
  }

  @Benchmark
  public void constantReplayValidSession(Blackhole bh) throws IOException, ServletException {
    reset(valid);
    replay.doFilter(valid, response, chain);
    consume(bh);
  }

  @Benchmark
  public void constantReplayExpired(Blackhole bh) throws IOException, ServletException {
    reset(expired);
    replay.doFilter(expired, response, chain);
    consume(bh);
  }

  @Benchmark
  public void reflectionValidSession(Blackhole bh) throws IOException, ServletException {
    reset(valid);
    reflection.doFilter(valid, response, chain);
    consume(bh);
  }

  @Benchmark
  public void reflectionExpired(Blackhole bh) throws IOException, ServletException {
    reset(expired);
    reflection.doFilter(expired, response, chain);
    consume(bh);
  }
}
