package dev.expiry.examples.boot;

import dev.expiry.examples.boot.TestPostgres.SpringSessionTables;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Two instances of the shop on Spring Session JDBC (Spring Boot's {@code
 * spring-boot-starter-session-jdbc}) sharing one real PostgreSQL: see {@link ClusterScenarios}.
 * Sessions created are counted by a trigger on Spring Session's table.
 */
@Tag("cluster")
class ShopOnPostgresClusterTest extends ClusterScenarios {

  private static TestPostgres postgres;
  private static SpringSessionTables sessions;
  private static ShopNode a;
  private static ShopNode b;

  @BeforeAll
  static void startCluster() {
    postgres = TestPostgres.start();
    sessions = postgres.springSessionTables();
    a = ShopNode.start("A", properties(postgres, sessions));
    b = ShopNode.start("B", properties(postgres, sessions));
  }

  /**
   * A node's configuration: Spring Session JDBC on the shared database, its tables made already.
   * The tests have Spring Boot's Redis starter on the class path too, which an application on
   * JDBC sessions would not have: its auto-configuration is left out.
   */
  static List<String> properties(TestPostgres postgres, SpringSessionTables sessions) {
    return List.of(
        "spring.autoconfigure.exclude="
            + "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration,"
            + "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "spring.datasource.url=" + postgres.url(),
        "spring.session.jdbc.initialize-schema=never",
        "spring.session.jdbc.table-name=" + sessions.name(),
        "spring.session.timeout=60s");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try (TestPostgres server = postgres) {
      ShopNode.stop(a, b);
      if (sessions != null) {
        sessions.drop();
      }
    }
  }

  @Override
  ShopNode[] nodes() {
    return new ShopNode[] {a, b};
  }

  @Override
  boolean stored(String sessionId) {
    return sessions.contains(sessionId);
  }

  @Override
  long created() {
    return sessions.created();
  }
}
