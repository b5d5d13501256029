package dev.expiry.examples.boot;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * One instance of the shop, as a node of a cluster runs it: {@link ShopApplication} in an
 * application context of its own (its own beans, its own Tomcat on a free port), configured by
 * properties alone, as a deployment configures it. Nodes started with the same store properties
 * share nothing but that store.
 */
final class ShopNode implements AutoCloseable {

  private final String name;
  private final ConfigurableApplicationContext context;

  private ShopNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  static ShopNode start(String name, List<String> properties) {
    List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
        "logging.level.root=WARN", "logging.level.dev.expiry=INFO"));
    all.addAll(properties);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class,
        ShopOnTomcatTest.OnTomcat.class)
        .web(WebApplicationType.SERVLET)
        .initializers(starting -> {
          starting.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded());
          starting.getBeanFactory().registerSingleton("storeConnectionsCounted", new StoreConnections());
        })
        .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
    return new ShopNode(name, context);
  }

  /**
   * How many connections the node has taken from its {@code DataSource} so far: one for each
   * transaction Spring Session JDBC runs, so one for each round trip to the session store.
   */
  long storeConnections() {
    return context.getBean(StoreConnections.class).count.get();
  }

  int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  String name() {
    return name;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /**
   * Adds users to the node's user store ({@link InMemoryUserDetailsManager}), as every node of a
   * cluster reads the same users from its directory.
   */
  void addUsers(List<String> names) {
    UserDetailsManager users = (UserDetailsManager) context.getBean("users");
    for (String user : names) {
      if (!users.userExists(user)) {
        users.createUser(User.withUsername(user).password("{noop}password").roles("USER").build());
      }
    }
  }

  @Override
  public void close() {
    context.close();
  }

  /** Stops the nodes that started; {@code null} for one that did not. */
  static void stop(ShopNode... nodes) {
    for (ShopNode node : nodes) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Override
  public String toString() {
    return "node " + name + " (port " + port() + ")";
  }

  /** Counts the connections taken from the node's {@code DataSource}, which it otherwise leaves as it is. */
  static final class StoreConnections implements BeanPostProcessor {

    private final AtomicLong count = new AtomicLong();

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (!(bean instanceof DataSource dataSource)) {
        return bean;
      }
      return new DelegatingDataSource(dataSource) {
        @Override
        public Connection getConnection() throws SQLException {
          count.incrementAndGet();
          return super.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
          count.incrementAndGet();
          return super.getConnection(user, password);
        }
      };
    }
  }

  /**
   * Keeps the other tests' classes out of the node's component scan, as {@code @SpringBootTest}
   * does for its own context: their {@code @TestConfiguration}s (another session store, another
   * container) and the test classes themselves.
   */
  static final class TestClassesExcluded extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      String type = reader.getClassMetadata().getClassName();
      String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
      return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName()) || outer.endsWith("Test");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TestClassesExcluded;
    }

    @Override
    public int hashCode() {
      return TestClassesExcluded.class.hashCode();
    }
  }
}
