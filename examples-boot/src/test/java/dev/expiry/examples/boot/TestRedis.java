package dev.expiry.examples.boot;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real Redis server for the cluster tests: the one {@value #URL_VARIABLE} names (e.g. {@code
 * redis://:secret@cache:6379/2}), else a {@code redis-server} from the {@code PATH} (Debian's
 * package {@code redis-server}) started on a free loopback port without persistence and stopped by
 * {@link #close()}. A server that cannot be reached or started fails the test with what is
 * missing.
 */
final class TestRedis implements AutoCloseable {

  /** The environment variable that points the tests at a running Redis. */
  static final String URL_VARIABLE = "EXPIRY_TEST_REDIS_URL";

  private final Process process;
  private final String url;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();

  private TestRedis(Process process, String url) {
    this.process = process;
    this.url = url;
    this.client = RedisClient.create(url);
    this.connection = client.connect();
  }

  static TestRedis start() {
    String external = System.getenv(URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      try {
        return new TestRedis(null, external.strip());
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot connect to the Redis of " + URL_VARIABLE + "=" + external + ": " + e, e);
      }
    }
    Path binary = onPath("redis-server");
    if (binary == null) {
      throw new IllegalStateException("redis-server is not on the PATH: install Debian's package redis-server"
          + " (apt-get install redis-server), or set " + URL_VARIABLE + " to the URL of a running Redis");
    }
    int port = freePort();
    Process process;
    try {
      process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--daemonize", "no")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    String url = "redis://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        return new TestRedis(process, url);
      } catch (RuntimeException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException(binary + " did not start on port " + port
              + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")") + ": " + e, e);
        }
        sleep(50);
      }
    }
  }

  /** The Redis URL, for {@code spring.data.redis.url}. */
  String url() {
    return url;
  }

  String describe() {
    return process != null ? "redis-server on " + url : "Redis at " + url.replaceFirst("//[^@]*@", "//");
  }

  /** The keys that match a pattern now, counted with {@code SCAN}. */
  long keys(String pattern) {
    long count = 0;
    ScanIterator<String> keys = ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(pattern).limit(1000));
    while (keys.hasNext()) {
      keys.next();
      count++;
    }
    return count;
  }

  boolean exists(String key) {
    return connection.sync().exists(key) == 1;
  }

  /**
   * Counts, from now on, the keys created that match a pattern, from Redis's own keyspace events:
   * {@code new} events less {@code rename_to} ones (a renamed key is announced as new too). Turns
   * on the events it needs ({@code notify-keyspace-events Egn}).
   */
  AtomicLong countCreatedKeys(String pattern) {
    connection.sync().configSet("notify-keyspace-events", "Egn");
    AtomicLong created = new AtomicLong();
    StatefulRedisPubSubConnection<String, String> events = client.connectPubSub();
    String glob = pattern.replace("*", "");
    events.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String subscribed, String channel, String key) {
        if (key.startsWith(glob)) {
          if (channel.endsWith(":new")) {
            created.incrementAndGet();
          } else if (channel.endsWith(":rename_to")) {
            created.decrementAndGet();
          }
        }
      }
    });
    events.sync().psubscribe("__keyevent@*__:new", "__keyevent@*__:rename_to");
    subscriptions.add(events);
    return created;
  }

  /** Waits until the keyspace events of what happened so far have arrived. */
  void settle() {
    connection.sync().ping();
    sleep(200);
  }

  void deleteKeys(String pattern) {
    ScanIterator<String> keys = ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(pattern).limit(1000));
    while (keys.hasNext()) {
      connection.sync().del(keys.next());
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable subscription : subscriptions) {
      subscription.close();
    }
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static Path onPath(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
    for (String dir : dirs) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name);
      }
    }
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
