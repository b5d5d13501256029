package dev.expiry.examples.boot;

import java.net.URI;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot shop behind Spring Security: form login with Spring Security's own login page,
 * CSRF-protected forms, one session per user ({@code maximumSessions(1)}), and a JWT resource
 * server for {@code /api/stock}. Expiry comes from {@code expiry-spring-boot-starter} alone: the
 * policies are on the controllers, and there is no line of Expiry configuration.
 */
@SpringBootApplication
@EnableConfigurationProperties(ShopTokens.class)
public class ShopApplication {

  /**
   * Starts the shop on port 8080; with {@code --tour}, starts it on a free port, walks through its
   * expiries with {@link ShopTour}, and exits with status 0 when every answer is the declared one.
   */
  public static void main(String[] args) throws Exception {
    if (!Arrays.asList(args).contains("--tour")) {
      SpringApplication.run(ShopApplication.class, args);
      return;
    }
    ConfigurableApplicationContext context = SpringApplication.run(ShopApplication.class, "--server.port=0");
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    boolean passed = new ShopTour(URI.create("http://localhost:" + port + "/"), System.out,
        context.getBean(ShopTokens.class)).run();
    System.exit(SpringApplication.exit(context, () -> passed ? 0 : 1));
  }
}
