package dev.expiry.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The shop on embedded Tomcat ({@code spring-boot-starter-webmvc}'s container). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ShopOnTomcatTest.OnTomcat.class)
class ShopOnTomcatTest extends ShopOverHttpTest {

  /**
   * Tomcat, named: the tests have Jetty on the class path too, and with both Spring Boot's choice
   * would depend on the order of its auto-configurations.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class OnTomcat {
    @Bean
    TomcatServletWebServerFactory tomcat() {
      return new TomcatServletWebServerFactory();
    }
  }

  @Autowired
  ServletWebServerApplicationContext context;

  @Test
  void runsOnTomcat() {
    assertEquals("TomcatWebServer", context.getWebServer().getClass().getSimpleName());
  }
}
