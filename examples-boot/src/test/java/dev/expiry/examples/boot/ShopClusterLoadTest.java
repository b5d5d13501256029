package dev.expiry.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.examples.boot.TestPostgres.SpringSessionTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bounded load run across two instances of the shop on Spring Session JDBC and one real
 * PostgreSQL, requests spread over both nodes round-robin, with sessions expiring during the run
 * and new logins going on. Every answer is checked against what the session was when the request
 * left: a valid session must reach the controller, an expired one must get the declared answer and
 * lose its cookie. Then the throughput with and without Expiry on the same setup, and the store's
 * round trips per request. The figures are printed, written to {@code target/cluster-load.md}, and
 * also to the directory the system property {@value #RESULTS} names.
 */
@Tag("cluster")
class ShopClusterLoadTest {

  /** System property: a directory to write {@code cluster.md} and {@code cluster.json} to as well. */
  static final String RESULTS = "expiry.cluster.results";

  private static final int REQUESTS = 20_000;
  /** The run goes on until this many sessions have expired, too. */
  private static final int MIN_EXPIRIES = 40;
  private static final int BUSY_CLIENTS = 32;
  private static final int IDLE_CLIENTS = 16;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  /**
   * A request is judged valid when its answer arrived less than this after the session's previous
   * request left: the node cannot have seen the session idle for longer, however long either
   * request waited in a queue.
   */
  private static final long VALID_WITHIN_NANOS = TIMEOUT.minusMillis(500).toNanos();
  /**
   * A request is judged expired when it left at least this long after the answer to the session's
   * previous request arrived: the node cannot have seen the session idle for less.
   */
  private static final Duration IDLE = TIMEOUT.plusMillis(700);
  /** A busy client starts a new session after this many requests, leaving the old one to expire. */
  private static final int REQUESTS_PER_SESSION = 2_000;
  private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
  /** Throughput: rounds per variant, and the length of each. */
  private static final int ROUNDS = 3;
  private static final Duration ROUND = Duration.ofMillis(1_500);

  private static TestPostgres postgres;
  private static SpringSessionTables sessions;
  private static ShopNode a;
  private static ShopNode b;
  private static ShopNode plainA;
  private static ShopNode plainB;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong logins = new AtomicLong();
  private final AtomicLong loginPages = new AtomicLong();
  private final AtomicLong validChecked = new AtomicLong();
  private final AtomicLong expiredChecked = new AtomicLong();
  private final AtomicLong expiries = new AtomicLong();
  private final AtomicLong wrong = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();
  private final AtomicLong unclassified = new AtomicLong();
  private final List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean running = true;

  @BeforeAll
  static void startCluster() {
    postgres = TestPostgres.start();
    sessions = postgres.springSessionTables();
    List<String> properties = new ArrayList<>(ShopOnPostgresClusterTest.properties(postgres, sessions));
    properties.replaceAll(p -> p.startsWith("spring.session.timeout=") ? "spring.session.timeout=" + TIMEOUT.toSeconds() + "s" : p);
    // Started in the order A, A without, B without, B, so that each pair has an early node and a
    // late one: the order the contexts started in showed in their throughput here.
    List<String> withoutExpiry = new ArrayList<>(properties);
    withoutExpiry.add("expiry.enabled=false");
    a = ShopNode.start("A", properties);
    plainA = ShopNode.start("A without Expiry", withoutExpiry);
    plainB = ShopNode.start("B without Expiry", withoutExpiry);
    b = ShopNode.start("B", properties);
    List<String> users = IntStream.range(0, BUSY_CLIENTS + IDLE_CLIENTS).mapToObj(i -> "load-" + i).toList();
    for (ShopNode node : new ShopNode[] {a, b, plainA, plainB}) {
      node.addUsers(users);
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try (TestPostgres server = postgres) {
      ShopNode.stop(a, b, plainA, plainB);
      if (sessions != null) {
        sessions.drop();
      }
    }
  }

  @Test
  void everyAnswerIsTheRightOneAcrossBothNodesAndExpiryCreatesNoSession() throws Exception {
    // Throughput first, while both pairs of nodes have the same history; each connection's session
    // is made to last the measurement, so that only valid ones are measured as valid.
    Mix with = new Mix(a, b);
    Mix without = new Mix(plainA, plainB);
    with.login();
    without.login();
    Throughput throughput = throughput(with, without, true);
    Throughput validOnly = throughput(with, without, false);

    long storedBefore = sessions.stored();
    long createdBefore = sessions.created();
    ExecutorService pool = Executors.newFixedThreadPool(BUSY_CLIENTS + IDLE_CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    long start = System.nanoTime();
    // Started one after the other, as users arrive: a login checks a BCrypt hash (Spring Security
    // upgrades the example's {noop} passwords on the first login), the costliest request here.
    // Those that let their sessions expire start first.
    for (int i = 0; i < BUSY_CLIENTS + IDLE_CLIENTS; i++) {
      int index = i;
      int order = index < BUSY_CLIENTS ? IDLE_CLIENTS + index : index - BUSY_CLIENTS;
      clients.add(pool.submit(() -> {
        sleep(Duration.ofMillis(150L * order));
        if (index < BUSY_CLIENTS) {
          busy(index);
        } else {
          idle(index);
        }
      }));
    }
    while ((requests.get() < REQUESTS || expiries.get() < MIN_EXPIRIES) && System.nanoTime() - start < RUN_LIMIT.toNanos()) {
      Thread.sleep(20);
    }
    running = false;
    for (Future<?> client : clients) {
      client.get(30, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long storedAfter = sessions.stored();
    long created = sessions.created() - createdBefore;

    Cost cost = cost();

    String report = report(seconds, storedBefore, storedAfter, created, throughput, validOnly, cost);
    System.out.println(report);
    write(report, json(seconds, storedBefore, storedAfter, created, throughput, validOnly, cost));

    assertTrue(requests.get() >= REQUESTS, () -> "only " + requests + " requests in " + RUN_LIMIT);
    assertEquals(0, wrong.get(), () -> wrong + " wrong answers, e.g. " + wrongAnswers);
    assertEquals(0, serverErrors.get(), "5xx answers");
    assertTrue(unclassified.get() * 100 < validChecked.get(), () -> unclassified
        + " requests left with a session neither clearly valid nor clearly expired (not judged): over 1%");
    assertTrue(expiries.get() >= MIN_EXPIRIES, () -> "sessions expired during the run: " + expiries);
    assertEquals(loginPages.get(), created, "sessions created = login pages served: Expiry created none");
    // Expiry adds no round trip to the store (a scheduled cleanup may add one in 200 here or there).
    assertTrue(cost.expiryExpired <= cost.plainExpired + 0.05, cost::toString);
    assertTrue(cost.expiryValid <= cost.plainValid + 0.05, cost::toString);
    assertTrue(throughput.with > 0 && throughput.without > 0 && validOnly.with > 0, throughput::toString);
    assertEquals(0, throughput.serverErrors + validOnly.serverErrors, "5xx answers while measuring throughput");
    assertEquals(0, with.notValid.get() + without.notValid.get(),
        "requests with a valid session not answered 200 while measuring throughput");
  }

  /** Keeps one session busy, a new one every {@value #REQUESTS_PER_SESSION} requests. */
  private void busy(int index) {
    String user = "load-" + index;
    Node node = new Node(user, index);
    while (running) {
      if (!node.login()) {
        continue;
      }
      node.use(REQUESTS_PER_SESSION);
      node.forget();
    }
  }

  /** Logs in, uses the session briefly, leaves it idle until it expires, and comes back with it on both nodes. */
  private void idle(int index) {
    String user = "load-" + index;
    Node node = new Node(user, index);
    while (running) {
      if (!node.login()) {
        continue;
      }
      node.use(3);
      if (!running) {
        return;
      }
      if (node.client().cookie("SESSION") == null) {
        continue; // its login took so long that the session was gone before it was used
      }
      String stale = node.client().cookie("SESSION");
      sleep(IDLE);
      if (!running) {
        return;
      }
      expiries.incrementAndGet();
      node.expired(stale, true);
      node.expired(stale, false);
    }
  }

  /** A browser of one user, its requests going to A and B in turn, sharing one cookie jar. */
  private final class Node {

    private final String user;
    private final ShopClient[] clients;
    private int next;
    private long lastSent;
    private long loggedIn;
    private String loginAnswer;

    Node(String user, int index) {
      this.user = user;
      ShopClient onA = new ShopClient(a.port());
      this.clients = new ShopClient[] {onA, onA.at(b.port())};
      this.next = index % 2;
    }

    ShopClient client() {
      return clients[next % 2];
    }

    private ShopClient nextClient() {
      return clients[next++ % 2];
    }

    boolean login() {
      forget();
      requests.addAndGet(2);
      long posted;
      try {
        // ShopClient.logIn's two steps, to know when the login form left: the session's last
        // access is when the node received it, however long the password check then took.
        ShopClient client = nextClient();
        loginPages.incrementAndGet(); // with no session cookie: the page's CSRF token starts a session
        HttpResponse<String> page = client.navigate("/login");
        posted = System.nanoTime();
        HttpResponse<String> done = client.submit("/login",
            Map.of("username", user, "password", "password", "_csrf", ShopClient.csrf(page)));
        loginAnswer = (System.nanoTime() - posted) / 1_000_000 + " ms: " + done.statusCode() + " "
            + done.headers().firstValue("Location").orElse("") + " " + ShopClient.setCookies(done);
        if (done.statusCode() != 302 || done.headers().firstValue("Location").orElse("").contains("error")) {
          throw new AssertionError("login failed: " + ShopClient.describe(done));
        }
      } catch (AssertionError | RuntimeException e) {
        wrong("login of " + user + ": " + e.getMessage());
        return false;
      }
      logins.incrementAndGet();
      lastSent = posted;
      loggedIn = System.nanoTime();
      return true;
    }

    void forget() {
      clients[0].forgetCookies();
    }

    /** Up to {@code requests} requests with the session, while the run goes on and the session is there. */
    void use(int requests) {
      for (int i = 0; i < requests && running && client().cookie("SESSION") != null; i++) {
        valid(i);
      }
    }

    void valid(int i) {
      ShopClient client = nextClient();
      long sent = System.nanoTime();
      boolean page = i % 2 == 1;
      HttpResponse<String> response = send(() -> page ? client.navigate("/orders") : client.fetch("/api/orders"));
      boolean clearlyValid = System.nanoTime() - lastSent < VALID_WITHIN_NANOS;
      lastSent = sent;
      if (response == null) {
        forget(); // the request may still run on the server: go on with a new session, not beside it
        return;
      }
      if (!clearlyValid) {
        unclassified.incrementAndGet();
        return;
      }
      validChecked.incrementAndGet();
      boolean right = response.statusCode() == 200
          && response.body().contains(page ? "Orders of " + user : "Teapot");
      if (!right) {
        wrong("valid session of " + user + " (request " + i + " since its login, " + (sent - loggedIn) / 1_000_000
            + " ms after it, " + (System.nanoTime() - sent) / 1_000_000 + " ms for the answer; login " + loginAnswer + ") answered as "
            + ShopClient.describe(response));
      }
    }

    void expired(String stale, boolean script) {
      ShopClient client = nextClient();
      client.keepCookie("SESSION", stale);
      HttpResponse<String> response = send(() -> script ? client.fetch("/api/orders") : client.navigate("/orders"));
      if (response == null) {
        return;
      }
      expiredChecked.incrementAndGet();
      boolean answered = script
          ? response.statusCode() == 401
              && response.headers().firstValue("WWW-Authenticate").orElse("").equals("Session realm=\"shop\"")
          : response.statusCode() == 303 && response.headers().firstValue("Location").orElse("").equals("/login");
      boolean deleted = ShopClient.setCookies(response).stream().anyMatch(c -> c.startsWith("SESSION=;"))
          && client.cookie("SESSION") == null;
      if (!answered || !deleted) {
        wrong("expired session answered as " + ShopClient.describe(response));
      }
    }

    private HttpResponse<String> send(java.util.function.Supplier<HttpResponse<String>> request) {
      requests.incrementAndGet();
      try {
        HttpResponse<String> response = request.get();
        if (response.statusCode() >= 500) {
          serverErrors.incrementAndGet();
          wrong(ShopClient.describe(response));
        }
        return response;
      } catch (RuntimeException e) {
        wrong("no answer: " + e);
        return null;
      }
    }
  }

  private void wrong(String what) {
    wrong.incrementAndGet();
    if (wrongAnswers.size() < 12) {
      wrongAnswers.add(Instant.now() + " " + what.replaceAll("(?s)\\{cache-control.*", ""));
    }
  }

  /**
   * Requests per second through each pair of nodes, with Expiry and without, both pairs loaded at
   * the same time in each round, so that both meet the same load of the machine: the medians, and
   * the median of each round's ratio.
   */
  private static Throughput throughput(Mix with, Mix without, boolean stale) throws Exception {
    side(with, without, Duration.ofMillis(1_000), stale);
    List<Double> withRates = new ArrayList<>();
    List<Double> withoutRates = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      double[] rates = side(with, without, ROUND, stale);
      withRates.add(rates[0]);
      withoutRates.add(rates[1]);
      ratios.add(rates[0] / rates[1]);
    }
    return new Throughput(median(withRates), median(withoutRates), median(ratios),
        with.serverErrors + without.serverErrors);
  }

  /** Runs both mixes side by side; their rates. */
  private static double[] side(Mix with, Mix without, Duration length, boolean stale) throws Exception {
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      Future<Double> withRate = both.submit(() -> with.run(length, stale));
      Future<Double> withoutRate = both.submit(() -> without.run(length, stale));
      return new double[] {withRate.get(60, TimeUnit.SECONDS), withoutRate.get(60, TimeUnit.SECONDS)};
    } finally {
      both.shutdown();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  record Throughput(double with, double without, double ratio, long serverErrors) {}

  /**
   * {@value #BUSY_CLIENTS} connections' worth of scripts: 80% of requests with a valid session,
   * 20% with the cookie of a session the store does not have, over both nodes in turn.
   */
  private static final class Mix {

    private final ShopNode[] nodes;
    private final String[] cookies = new String[BUSY_CLIENTS];
    private final HttpClient[] http = new HttpClient[BUSY_CLIENTS];
    long serverErrors;
    /** Requests with a valid session not answered 200: a measurement of something else. */
    final AtomicLong notValid = new AtomicLong();

    Mix(ShopNode first, ShopNode second) {
      this.nodes = new ShopNode[] {first, second};
      for (int i = 0; i < BUSY_CLIENTS; i++) {
        http[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
      }
    }

    /**
     * Gives every connection a session of its own that lasts the measurement (a login takes long on
     * a loaded machine, and the sessions wait for the other pair's logins); checks it is valid.
     */
    void login() {
      IntStream.range(0, BUSY_CLIENTS).parallel().forEach(i -> {
        ShopClient client = new ShopClient(nodes[0].port());
        client.login("load-" + i);
        if (client.fetch("/test/session/keep").statusCode() != 200) {
          throw new AssertionError("the session of load-" + i + " is gone after its login");
        }
        cookies[i] = client.cookie("SESSION");
        if (status(i, cookies[i]) != 200) {
          throw new AssertionError("the session of load-" + i + " is not valid on " + nodes[1]);
        }
      });
    }

    private int status(int index, String cookie) {
      try {
        return http[index].send(request(nodes[1], cookie), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    private static HttpRequest request(ShopNode node, String cookie) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/orders"))
          .header("Cookie", "SESSION=" + cookie).header("Accept", "application/json")
          .header("Sec-Fetch-Mode", "cors").timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** Runs the mix, with a fifth of the requests on a session the store does not have if {@code stale}. */
    double run(Duration length, boolean stale) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(BUSY_CLIENTS);
      AtomicLong done = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      long start = System.nanoTime();
      long end = start + length.toNanos();
      List<Future<?>> clients = new ArrayList<>();
      for (int i = 0; i < BUSY_CLIENTS; i++) {
        int index = i;
        clients.add(pool.submit(() -> {
          String unknown = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
          for (int n = 0; System.nanoTime() < end; n++) {
            boolean valid = !(stale && n % 5 == 4);
            try {
              HttpResponse<Void> response = http[index].send(request(nodes[n % 2], valid ? cookies[index] : unknown),
                  HttpResponse.BodyHandlers.discarding());
              if (response.statusCode() >= 500) {
                errors.incrementAndGet();
              }
              if (valid && response.statusCode() != 200) {
                notValid.incrementAndGet();
              }
              done.incrementAndGet();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      serverErrors += errors.get();
      return done.get() / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** Round trips to the store per request (connections taken from the node's pool), one request at a time. */
  private static Cost cost() {
    ShopClient client = new ShopClient(a.port());
    client.login("load-0");
    ShopClient plain = new ShopClient(plainA.port());
    plain.login("load-0");
    int n = 200;
    double valid = perRequest(a, n, () -> client.fetch("/api/orders"));
    String stale = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    double expiryExpired = perRequest(a, n, () -> {
      client.keepCookie("SESSION", stale);
      return client.fetch("/api/orders");
    });
    double plainValid = perRequest(plainA, n, () -> plain.fetch("/api/orders"));
    double plainExpired = perRequest(plainA, n, () -> {
      plain.keepCookie("SESSION", stale);
      return plain.fetch("/api/orders");
    });
    return new Cost(valid, expiryExpired, plainValid, plainExpired);
  }

  private static double perRequest(ShopNode node, int n, java.util.function.Supplier<HttpResponse<String>> request) {
    long before = node.storeConnections();
    for (int i = 0; i < n; i++) {
      request.get();
    }
    return (node.storeConnections() - before) / (double) n;
  }

  record Cost(double expiryValid, double expiryExpired, double plainValid, double plainExpired) {}

  private String report(double seconds, long storedBefore, long storedAfter, long created, Throughput throughput,
      Throughput validOnly, Cost cost) {
    return String.format(Locale.ROOT, """
        **Clustered sessions, under load** (measured %s on %s; two instances of the Boot shop, each its own \
        application context and Tomcat, on Spring Session JDBC and one PostgreSQL; %s; \
        `spring.session.timeout` %d s):

        | | |
        | --- | ---: |
        | requests, round-robin over both nodes | %,d in %.1f s (%,.0f req/s) |
        | concurrent clients (each its own connections to both nodes) | %d busy + %d that let their session expire |
        | logins during the run (login pages served) | %,d (%,d) |
        | sessions expired during the run and then used on both nodes | %,d |
        | answers checked: valid session / expired session | %,d / %,d |
        | answers not judged (the session's idle time as the node saw it may have come within %.1f s of the timeout: slow answers) | %,d |
        | wrong answers | %,d |
        | 5xx answers | %,d |
        | sessions created: by login pages / by Expiry | %,d / %,d |
        | session rows before / after the run | %,d / %,d |

        **Throughput with and without Expiry** on the same database (%d connections to each pair; 80%% \
        of requests with a valid session, 20%% with the cookie of a session the store does not have; both \
        pairs loaded side by side, %d rounds of %.1f s after a warm-up, the median of the rounds' ratios): **%.1f%% of the \
        throughput without Expiry** (medians %,.0f vs %,.0f req/s). With every request on a valid session: \
        **%.1f%%** (%,.0f vs %,.0f req/s).

        **What the store adds on the expired path:** %.2f round trips to PostgreSQL per request with an \
        expired session with Expiry, %.2f without it (Spring Security's own session lookup, which Expiry \
        shares); a request with a valid session: %.2f with Expiry, %.2f without (Spring Session's own \
        transactions for the request, its lookup and its save among them).
        """,
        Instant.now().toString().substring(0, 10), machine(), postgres.describe().replaceFirst(" on port \\d+", ""),
        TIMEOUT.toSeconds(), requests.get(), seconds, requests.get() / seconds, BUSY_CLIENTS, IDLE_CLIENTS,
        logins.get(), loginPages.get(), expiries.get(), validChecked.get(), expiredChecked.get(),
        (TIMEOUT.toNanos() - VALID_WITHIN_NANOS) / 1e9, unclassified.get(), wrong.get(),
        serverErrors.get() + throughput.serverErrors + validOnly.serverErrors, created, created - loginPages.get(), storedBefore, storedAfter,
        BUSY_CLIENTS, ROUNDS, ROUND.toMillis() / 1000.0, 100 * throughput.ratio, throughput.with, throughput.without, 100 * validOnly.ratio, validOnly.with,
        validOnly.without, cost.expiryExpired,
        cost.plainExpired, cost.expiryValid, cost.plainValid);
  }

  /** Cores, JVM and load average, as the benchmark suite prints them. */
  private static String machine() {
    return String.format(Locale.ROOT, "%d cores, %s %s; load average %.1f",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private String json(double seconds, long storedBefore, long storedAfter, long created, Throughput throughput,
      Throughput validOnly, Cost cost) {
    return String.format(Locale.ROOT, """
        {
          "store": "Spring Session JDBC, PostgreSQL",
          "nodes": 2,
          "requests": %d,
          "seconds": %.3f,
          "busyClients": %d,
          "expiringClients": %d,
          "sessionTimeoutSeconds": %d,
          "logins": %d,
          "loginPages": %d,
          "expiries": %d,
          "validAnswersChecked": %d,
          "expiredAnswersChecked": %d,
          "answersNotJudged": %d,
          "wrongAnswers": %d,
          "serverErrors": %d,
          "sessionsCreated": %d,
          "sessionsCreatedByExpiry": %d,
          "sessionRowsBefore": %d,
          "sessionRowsAfter": %d,
          "throughputWithExpiry": %.1f,
          "throughputWithoutExpiry": %.1f,
          "throughputRatio": %.4f,
          "validOnlyThroughputWithExpiry": %.1f,
          "validOnlyThroughputWithoutExpiry": %.1f,
          "validOnlyThroughputRatio": %.4f,
          "storeRoundTripsPerRequest": {
            "expiredWithExpiry": %.3f,
            "expiredWithoutExpiry": %.3f,
            "validWithExpiry": %.3f,
            "validWithoutExpiry": %.3f
          }
        }
        """, requests.get(), seconds, BUSY_CLIENTS, IDLE_CLIENTS, TIMEOUT.toSeconds(), logins.get(), loginPages.get(), expiries.get(),
        validChecked.get(), expiredChecked.get(), unclassified.get(), wrong.get(),
        serverErrors.get() + throughput.serverErrors + validOnly.serverErrors, created, created - loginPages.get(), storedBefore, storedAfter,
        throughput.with, throughput.without, throughput.ratio, validOnly.with, validOnly.without, validOnly.ratio,
        cost.expiryExpired, cost.plainExpired,
        cost.expiryValid, cost.plainValid);
  }

  private static void write(String markdown, String json) throws IOException {
    List<Path> dirs = new ArrayList<>(List.of(Path.of("target")));
    String results = System.getProperty(RESULTS);
    if (results != null && !results.isBlank()) {
      dirs.add(Path.of(results));
    }
    for (Path dir : dirs) {
      Files.createDirectories(dir);
      String name = dir.equals(Path.of("target")) ? "cluster-load" : "cluster";
      Files.writeString(dir.resolve(name + ".md"), markdown);
      Files.writeString(dir.resolve(name + ".json"), json);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
