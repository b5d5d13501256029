package dev.expiry.tests.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.runtime.ExpiryFilter;
import dev.expiry.runtime.RuntimeCaches;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.PlainServlet;
import dev.expiry.tests.app.RecordingServlet;
import dev.expiry.tests.jaxrs.JerseyServlet;
import dev.expiry.tests.spring.SpringDispatcher;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One node under load: {@value #REQUESTS} or more requests over 64 concurrent HTTP connections, mixing
 * valid sessions, sessions that time out during the run, invalidated ones, made-up ids and no
 * cookie, over a servlet, Spring MVC handlers, JAX-RS resources and an endpoint without policy:
 * every answer is the one the session state and the endpoint call for, none is a 5xx, and Expiry
 * creates no session. Then distinct request paths (20,000; {@code -Dexpiry.soak.paths=1000000} for a million)
 * with stale cookies, in memory through Jetty's {@link LocalConnector}, leave the runtime's own
 * caches as they were.
 */
class SoakTest {

  static final int REQUESTS = 20_000;
  static final int CONNECTIONS = 64;
  static final int PATHS = Integer.getInteger("expiry.soak.paths", 20_000);
  /** How long the sessions that time out during the run live, in seconds. */
  private static final int SHORT_LIVED = 2;

  private static final AtomicInteger SESSIONS_CREATED = new AtomicInteger();
  private static Server server;
  private static ServerConnector connector;
  private static LocalConnector local;
  private static ServletContextHandler context;

  /** Counts every session the container creates. */
  public static class SessionCounter implements HttpSessionListener {
    @Override
    public void sessionCreated(HttpSessionEvent event) {
      SESSIONS_CREATED.incrementAndGet();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 16);
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setAcceptQueueSize(256);
    local = new LocalConnector(server);
    server.addConnector(connector);
    server.addConnector(local);
    context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    context.addEventListener(new SessionCounter());
    FilterHolder expiry = new FilterHolder(ExpiryFilter.class);
    context.addFilter(expiry, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(LoginServlet.class, "/login");
    context.addServlet(LogoutServlet.class, "/logout");
    context.addServlet(OrdersServlet.class, "/servlet/orders/*");
    context.addServlet(PlainServlet.class, "/plain");
    context.addServlet(new ServletHolder(new JerseyServlet()), "/api/*");
    context.addServlet(new ServletHolder(new SpringDispatcher()), "/");
    server.setHandler(context);
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  enum State { VALID, EXPIRING, INVALIDATED, MADE_UP, ABSENT }

  /** An endpoint, the body its handler writes for an id, and its policy's challenge (none: no policy). */
  record Endpoint(String prefix, String ranPrefix, String challenge) {
    String path(int id) {
      return prefix + id;
    }

    String ran(int id) {
      return ranPrefix.equals("-") ? null : ranPrefix + (ranPrefix.endsWith(" ") ? String.valueOf(id) : "");
    }
  }

  private static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("/servlet/orders/", RecordingServlet.body(OrdersServlet.class, "GET"), "MyAuthScheme realm=\"http://example.com\""),
      new Endpoint("/orders/", "get ", "OrdersScheme realm=\"orders\""),
      new Endpoint("/api/orders/", "get ", "OrdersScheme realm=\"orders\""),
      new Endpoint("/plain?", "-", null));

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
      .executor(Executors.newFixedThreadPool(8)).build();

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
  }

  private static HttpResponse<String> send(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET()
        .header("Accept", "text/plain");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String login(String query) throws Exception {
    HttpResponse<String> response = send("/login" + query, null);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void everyAnswerIsRightUnderLoadAndTheCachesStayAsTheyWere() throws Exception {
    List<String> valid = new ArrayList<>();
    List<String> invalidated = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      valid.add(login(""));
      String gone = login("");
      send("/logout", gone);
      invalidated.add(gone);
    }
    List<String> expiring = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      expiring.add(login("?" + LoginServlet.MAX_INACTIVE + "=" + SHORT_LIVED));
    }
    // Used only once they have certainly timed out: a request would otherwise keep them alive.
    long expiredAfter = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHORT_LIVED * 1000L + 1500);
    int created = SESSIONS_CREATED.get();

    AtomicInteger sent = new AtomicInteger();
    AtomicLong expiringSent = new AtomicLong();
    AtomicLong serverErrors = new AtomicLong();
    AtomicLong[] byState = new AtomicLong[State.values().length];
    for (int i = 0; i < byState.length; i++) {
      byState[i] = new AtomicLong();
    }
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicLong wrongCount = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
    for (int w = 0; w < CONNECTIONS; w++) {
      workers.execute(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Until enough requests, and enough of them with a session that timed out during the run.
        while (sent.get() < REQUESTS || (expiringSent.get() < 1_000 && sent.get() < 5 * REQUESTS)) {
          State state = State.values()[random.nextInt(State.values().length)];
          if (state == State.EXPIRING && System.nanoTime() < expiredAfter) {
            state = State.VALID;
          }
          String cookie = switch (state) {
            case VALID -> valid.get(random.nextInt(valid.size()));
            case EXPIRING -> expiring.get(random.nextInt(expiring.size()));
            case INVALIDATED -> invalidated.get(random.nextInt(invalidated.size()));
            case MADE_UP -> "JSESSIONID=made-up-" + random.nextLong();
            case ABSENT -> null;
          };
          Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
          int id = random.nextInt(1_000_000);
          try {
            HttpResponse<String> response = send(endpoint.path(id), cookie);
            sent.incrementAndGet();
            byState[state.ordinal()].incrementAndGet();
            if (state == State.EXPIRING) {
              expiringSent.incrementAndGet();
            }
            if (response.statusCode() >= 500) {
              serverErrors.incrementAndGet();
            }
            String problem = check(state, endpoint, id, response);
            if (problem != null) {
              wrongCount.incrementAndGet();
              if (wrong.size() < 10) {
                wrong.add(state + " " + endpoint.path(id) + ": " + problem);
              }
            }
          } catch (Exception e) {
            wrongCount.incrementAndGet();
            wrong.add(state + " " + endpoint.path(id) + ": " + e);
            return;
          }
        }
      });
    }
    workers.shutdown();
    assertTrue(workers.awaitTermination(5, TimeUnit.MINUTES), "the load finished");
    int createdByExpiry = SESSIONS_CREATED.get() - created;
    StringBuilder states = new StringBuilder();
    for (State s : State.values()) {
      states.append(states.length() == 0 ? "" : ", ").append(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
          .append(' ').append(byState[s.ordinal()].get());
    }
    System.out.println("[soak] " + sent.get() + " requests over " + CONNECTIONS + " connections (" + states + "): "
        + wrongCount.get() + " wrong answers, " + serverErrors.get() + " 5xx, " + createdByExpiry + " sessions created");
    assertEquals(List.of(), List.copyOf(wrong));
    assertEquals(0, wrongCount.get());
    assertEquals(0, serverErrors.get());
    assertEquals(0, createdByExpiry, "sessions created during the run");
    assertTrue(sent.get() >= REQUESTS && expiringSent.get() >= 1_000, sent + " requests, " + expiringSent + " expiring");

    paths();
  }

  /** What is wrong with the answer, or {@code null}. */
  private static String check(State state, Endpoint endpoint, int id, HttpResponse<String> response) {
    boolean expired = state == State.EXPIRING || state == State.INVALIDATED || state == State.MADE_UP;
    Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
    if (expired && endpoint.challenge() != null) {
      if (response.statusCode() != 401 || !challenge.equals(Optional.of(endpoint.challenge()))) {
        return "expected 401 " + endpoint.challenge() + ", got " + response.statusCode() + " " + challenge + " " + response.body();
      }
      boolean deletion = response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=;"));
      if (!deletion || response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.matches("JSESSIONID=[^;]+;.*"))) {
        return "expected the stale cookie's deletion and no new session, got " + response.headers().allValues("Set-Cookie");
      }
      return null;
    }
    String ran = endpoint.ran(id);
    if (response.statusCode() != 200 || challenge.isPresent() || (ran != null && !ran.equals(response.body()))) {
      return "expected the handler's 200 " + ran + ", got " + response.statusCode() + " " + challenge + " " + response.body();
    }
    return null;
  }

  /**
   * Distinct paths with stale cookies, pipelined through the in-memory connector: the runtime's
   * caches after a warm-up over every endpoint are its caches after them all.
   */
  private static void paths() throws Exception {
    int batch = 500;
    AtomicLong answered = new AtomicLong();
    AtomicLong sentPaths = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    int batches = (PATHS + batch - 1) / batch;
    String before = null;
    long heapBefore = 0;
    long started = 0;
    for (int b = 0; b < batches; b++) {
      if (b == 1) {
        // After the first batch, which reaches every handler method (also Spring's one-character path).
        done.get(0).get(1, TimeUnit.MINUTES);
        before = RuntimeCaches.sizes(context.getServletContext());
        heapBefore = usedHeapAfterGc();
        started = System.nanoTime();
      }
      int first = b * batch;
      done.add(pool.submit(() -> {
        StringBuilder requests = new StringBuilder(batch * 120);
        int count = Math.min(batch, PATHS - first);
        for (int i = 0; i < count; i++) {
          int n = first + i;
          String path = switch (n % 4) {
            case 0 -> "/servlet/orders/" + n;
            case 1 -> "/orders/" + n;
            case 2 -> "/api/orders/" + n;
            default -> "/nowhere/" + n;
          };
          requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: soak\r\nAccept: text/plain\r\nCookie: JSESSIONID=stale-")
              .append(n).append(i == count - 1 ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n");
        }
        LocalConnector.LocalEndPoint endPoint = local.executeRequest(requests.toString());
        endPoint.waitUntilClosedOrIdleFor(60, TimeUnit.SECONDS);
        String responses = endPoint.takeOutputString();
        int answers = 0;
        for (int at = responses.indexOf("HTTP/1.1 401"); at >= 0; at = responses.indexOf("HTTP/1.1 401", at + 1)) {
          answers++;
        }
        answered.addAndGet(answers);
        sentPaths.addAndGet(count);
        return null;
      }));
    }
    for (var f : done) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    String after = RuntimeCaches.sizes(context.getServletContext());
    long heapAfter = usedHeapAfterGc();
    System.out.println("[soak] " + sentPaths.get() + " distinct paths with stale cookies, " + answered.get()
        + " answered by a policy: runtime caches " + before + " before, " + after + " after; heap after GC "
        + heapBefore / (1024 * 1024) + " MB before, " + heapAfter / (1024 * 1024) + " MB after (" + seconds + " s)");
    assertEquals(PATHS, sentPaths.get());
    // Three in four paths reach an endpoint with a policy; /nowhere/ is Spring's 404.
    assertEquals(PATHS - PATHS / 4, answered.get());
    assertEquals(before, after, "the runtime's caches");
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
