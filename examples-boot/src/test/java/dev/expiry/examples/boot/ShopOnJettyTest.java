package dev.expiry.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The shop on embedded Jetty ({@code spring-boot-starter-jetty}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ShopOnJettyTest.OnJetty.class)
class ShopOnJettyTest extends ShopOverHttpTest {

  /** Jetty instead of Tomcat: a web server factory of the application's own wins over Boot's. */
  @TestConfiguration(proxyBeanMethods = false)
  static class OnJetty {
    @Bean
    JettyServletWebServerFactory jetty() {
      return new JettyServletWebServerFactory();
    }
  }

  @Autowired
  ServletWebServerApplicationContext context;

  @Test
  void runsOnJetty() {
    assertEquals("JettyServletWebServer", context.getWebServer().getClass().getSimpleName());
  }
}
