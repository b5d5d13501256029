package dev.expiry.benchmarks.e2e;

import dev.expiry.benchmarks.Stats;
import dev.expiry.benchmarks.filter.OrdersServlet;
import dev.expiry.runtime.ExpiryFilter;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty on 127.0.0.1 with two contexts that differ only in {@link ExpiryFilter}: {@code
 * /plain} without it, {@code /expiry} with it. A fixed number of client threads, each on its own
 * keep-alive connection, send a fixed mix of requests (70% with a valid session, 20% with an expired
 * one, 10% without a cookie) for a bounded time and count. Rounds alternate between the contexts.
 */
public final class EndToEndBenchmark {

  /** Client threads, warm-up per context, measured rounds per context and their length, and the request cap per round. */
  public record Config(int threads, Duration warmup, int rounds, Duration round, int maxRequestsPerRound) {}

  /** One context's measurements over all its rounds. */
  public record Side(String context, List<Double> throughputs, long requests, double p50Micros,
      double p99Micros, double p999Micros, long[] byKind, long reconnects) {

    public double throughput() {
      return Stats.median(throughputs);
    }
  }

  /** Both sides; {@code ratio} is the median throughput with the filter over that without. */
  public record Result(Config config, Side plain, Side expiry) {

    public double ratio() {
      return expiry.throughput() / plain.throughput();
    }
  }

  static final String[] KINDS = {"valid session", "expired session", "no cookie"};
  private static final int VALID = 0;
  private static final int EXPIRED = 1;
  private static final int NONE = 2;

  private final Config config;
  private final Consumer<String> log;

  public EndToEndBenchmark(Config config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  public Result run() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new ContextHandlerCollection(context("/plain", false), context("/expiry", true)));
    ExecutorService clients = Executors.newFixedThreadPool(config.threads());
    server.start();
    try {
      int port = connector.getLocalPort();
      List<Round> plain = new ArrayList<>();
      List<Round> expiry = new ArrayList<>();
      round(clients, port, "/plain", config.warmup(), false);
      round(clients, port, "/expiry", config.warmup(), true);
      for (int i = 0; i < config.rounds(); i++) {
        // Alternate which context goes first in each pair of rounds.
        boolean expiryFirst = i % 2 == 1;
        if (expiryFirst) {
          expiry.add(round(clients, port, "/expiry", config.round(), true));
        }
        plain.add(round(clients, port, "/plain", config.round(), false));
        if (!expiryFirst) {
          expiry.add(round(clients, port, "/expiry", config.round(), true));
        }
        log.accept(String.format(Locale.ROOT, "e2e: round %d  without filter %.0f req/s, with filter %.0f req/s",
            i + 1, plain.get(i).throughput(), expiry.get(i).throughput()));
      }
      return new Result(config, side("/plain", plain), side("/expiry", expiry));
    } finally {
      clients.shutdownNow();
      server.stop();
    }
  }

  private static ServletContextHandler context(String path, boolean withFilter) {
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath(path);
    context.addServlet(OrdersServlet.class, "/api/orders/*");
    context.addServlet(LoginServlet.class, "/login");
    if (withFilter) {
      context.addFilter(ExpiryFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    return context;
  }

  private record Round(double seconds, long requests, long[] latencies, int used, long[] byKind, long reconnects) {
    double throughput() {
      return requests / seconds;
    }
  }

  private Round round(ExecutorService clients, int port, String context, Duration length, boolean withFilter)
      throws Exception {
    int perThread = Math.max(1, config.maxRequestsPerRound() / config.threads());
    CyclicBarrier start = new CyclicBarrier(config.threads() + 1);
    List<Future<Client>> futures = new ArrayList<>();
    for (int t = 0; t < config.threads(); t++) {
      Client client = new Client(port, context, withFilter, perThread, t);
      futures.add(clients.submit(() -> client.run(start, length)));
    }
    start.await();
    long began = System.nanoTime();
    List<Client> done = new ArrayList<>();
    for (Future<Client> f : futures) {
      done.add(f.get());
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long requests = 0;
    int used = 0;
    long[] byKind = new long[3];
    long reconnects = 0;
    for (Client c : done) {
      reconnects += c.reconnects;
      requests += c.count;
      used += c.count;
      for (int k = 0; k < 3; k++) {
        byKind[k] += c.byKind[k];
      }
    }
    long[] latencies = new long[used];
    int at = 0;
    for (Client c : done) {
      System.arraycopy(c.latencies, 0, latencies, at, c.count);
      at += c.count;
    }
    return new Round(seconds, requests, latencies, used, byKind, reconnects);
  }

  private static Side side(String context, List<Round> rounds) {
    long requests = rounds.stream().mapToLong(Round::requests).sum();
    long[] all = new long[rounds.stream().mapToInt(Round::used).sum()];
    long[] byKind = new long[3];
    int at = 0;
    for (Round r : rounds) {
      System.arraycopy(r.latencies(), 0, all, at, r.used());
      at += r.used();
      for (int k = 0; k < 3; k++) {
        byKind[k] += r.byKind()[k];
      }
    }
    Arrays.sort(all);
    return new Side(context, rounds.stream().map(Round::throughput).toList(), requests,
        Stats.percentileOfSorted(all, 50) / 1e3, Stats.percentileOfSorted(all, 99) / 1e3,
        Stats.percentileOfSorted(all, 99.9) / 1e3, byKind, rounds.stream().mapToLong(Round::reconnects).sum());
  }

  /** One client thread on one connection. */
  private static final class Client {
    private final int port;
    private final String context;
    private final boolean withFilter;
    private final long[] latencies;
    private final int offset;
    private final long[] byKind = new long[3];
    private int count;
    private int reconnects;

    Client(int port, String context, boolean withFilter, int max, int offset) {
      this.port = port;
      this.context = context;
      this.withFilter = withFilter;
      this.latencies = new long[max];
      this.offset = offset;
    }

    Client run(CyclicBarrier start, Duration length) throws Exception {
      try (HttpConnection connection = new HttpConnection(port)) {
        HttpConnection.Response login = connection.sendForCookie(HttpConnection.get(context + "/login", port, null));
        if (login.status() != 204 || login.sessionCookie() == null) {
          throw new IllegalStateException("login on " + context + " answered " + login);
        }
        String path = context + "/api/orders/42";
        byte[][] requests = {
            HttpConnection.get(path, port, login.sessionCookie()),
            HttpConnection.get(path, port, "JSESSIONID=node0expired" + offset + ".node0"),
            HttpConnection.get(path, port, null)};
        int[] expected = {200, withFilter ? 401 : 200, 200};
        start.await();
        long deadline = System.nanoTime() + length.toNanos();
        int i = offset; // threads start at different points of the mix
        while (count < latencies.length && System.nanoTime() < deadline) {
          int kind = kindOf(i++);
          long t0 = System.nanoTime();
          int status = connection.send(requests[kind]);
          latencies[count++] = System.nanoTime() - t0;
          byKind[kind]++;
          if (status != expected[kind]) {
            throw new IllegalStateException(KINDS[kind] + " on " + context + " answered " + status
                + ", expected " + expected[kind]);
          }
        }
        reconnects = connection.reconnects();
      }
      return this;
    }

    /** 7 in 10 valid, 2 in 10 expired, 1 in 10 without a cookie. */
    private static int kindOf(int i) {
      int r = i % 10;
      return r < 7 ? VALID : r < 9 ? EXPIRED : NONE;
    }
  }
}
