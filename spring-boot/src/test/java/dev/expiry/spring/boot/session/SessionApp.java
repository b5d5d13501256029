package dev.expiry.spring.boot.session;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot application whose sessions Spring Session manages, in memory. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableSpringHttpSession
@Import(SessionApp.Api.class)
public class SessionApp {

  @Bean
  MapSessionRepository sessionRepository() {
    return new MapSessionRepository(new ConcurrentHashMap<>());
  }

  /** One endpoint with a policy. */
  @RestController
  public static class Api {

    @ExpiryPolicy(status = 401, scheme = "Session", realm = "spring-session")
    @GetMapping("/api/cart")
    public String cart() {
      return "cart";
    }

    /** Starts a Spring Session session that expires after one second without requests. */
    @GetMapping("/session")
    public String session(HttpServletRequest request) {
      request.getSession(true).setMaxInactiveInterval(1);
      return "started";
    }
  }
}
