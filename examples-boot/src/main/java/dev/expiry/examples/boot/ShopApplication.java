package dev.expiry.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Boot shop behind Spring Security: form login with Spring Security's own login page,
 * CSRF-protected forms, one session per user ({@code maximumSessions(1)}), and a JWT resource
 * server for {@code /api/stock}. Expiry comes from {@code expiry-spring-boot-starter} alone: the
 * policies are on the controllers, and there is no line of Expiry configuration.
 */
@SpringBootApplication
@EnableConfigurationProperties(ShopTokens.class)
public class ShopApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
