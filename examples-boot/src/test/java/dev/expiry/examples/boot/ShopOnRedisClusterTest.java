package dev.expiry.examples.boot;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Two instances of the shop on Spring Session Data Redis (Spring Boot's {@code
 * spring-boot-starter-session-data-redis}, Lettuce) sharing one real Redis: see {@link
 * ClusterScenarios}. Sessions created are counted from Redis's keyspace events.
 */
@Tag("cluster")
class ShopOnRedisClusterTest extends ClusterScenarios {

  private static TestRedis redis;
  private static String namespace;
  private static AtomicLong created;
  private static ShopNode a;
  private static ShopNode b;

  @BeforeAll
  static void startCluster() {
    redis = TestRedis.start();
    namespace = "expiry-test-" + UUID.randomUUID();
    created = redis.countCreatedKeys(namespace + ":sessions:*");
    a = ShopNode.start("A", properties());
    b = ShopNode.start("B", properties());
  }

  /**
   * A node's configuration: Spring Session on the shared Redis, under a namespace of the test's
   * own. The tests have Spring Boot's JDBC session starter (and H2) on the class path too, which an
   * application on Redis sessions would not have: its auto-configuration is left out.
   */
  private static List<String> properties() {
    return List.of(
        "spring.autoconfigure.exclude="
            + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "spring.data.redis.url=" + redis.url(),
        "spring.session.data.redis.namespace=" + namespace,
        "spring.session.timeout=60s");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try (TestRedis server = redis) {
      ShopNode.stop(a, b);
      if (server != null) {
        server.deleteKeys(namespace + ":*");
      }
    }
  }

  @Override
  ShopNode[] nodes() {
    return new ShopNode[] {a, b};
  }

  @Override
  boolean stored(String sessionId) {
    return redis.exists(namespace + ":sessions:" + sessionId);
  }

  @Override
  long created() {
    redis.settle();
    return created.get();
  }
}
