package dev.expiry.spring.boot.plain;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot application with Spring MVC, the starter, and nothing else. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PlainApp.Pages.class)
public class PlainApp {

  /** One endpoint with a page policy and an API policy, one without any. */
  @RestController
  public static class Pages {

    @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
    @ExpiryPolicy(client = Client.API, status = 401, scheme = "Session", realm = "plain")
    @GetMapping("/orders")
    public String orders() {
      return "orders";
    }

    /** Starts a session and answers its id, so a test can hold a real one. */
    @GetMapping("/session")
    public String session(HttpServletRequest request) {
      return request.getSession(true).getId();
    }

    @GetMapping("/free")
    public String free() {
      return "free";
    }
  }
}
