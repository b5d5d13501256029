package dev.expiry.examples.boot;

import static dev.expiry.examples.boot.ShopClient.describe;
import static dev.expiry.examples.boot.ShopClient.setCookies;
import static dev.expiry.examples.boot.ShopOverHttpTest.assertCarriesSpringSecuritysHeaders;
import static dev.expiry.examples.boot.ShopOverHttpTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shop with its sessions in Spring Session JDBC (an in-memory H2 database) behind Spring
 * Security, over real HTTP on Tomcat: Expiry sees the sessions Spring Session manages, answers an
 * expired one with the endpoint's policy and Spring Security's headers, and deletes Spring
 * Session's {@code SESSION} cookie; a valid session passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ShopOnTomcatTest.OnTomcat.class, ShopOnSpringSessionTest.JdbcSessions.class})
class ShopOnSpringSessionTest {

  /** Spring Session JDBC, as an application configures it, on a database of its own. */
  @TestConfiguration(proxyBeanMethods = false)
  @EnableJdbcHttpSession
  static class JdbcSessions {

    @Bean
    EmbeddedDatabase sessionDatabase() {
      return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
          .addScript("org/springframework/session/jdbc/schema-h2.sql").build();
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource sessionDatabase) {
      return new DataSourceTransactionManager(sessionDatabase);
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  JdbcIndexedSessionRepository sessions;

  @Test
  void aValidSessionPassesAndOneThatTimedOutGetsThePolicyAndLosesItsSessionCookie() throws InterruptedException {
    ShopClient client = new ShopClient(port);
    client.login("alice");
    assertNotNull(client.cookie("SESSION"), "Spring Session's cookie");
    assertNull(client.cookie("JSESSIONID"), "no container session");
    assertNotNull(sessions.findById(id(client.cookie("SESSION"))), "the session is in the database");

    HttpResponse<String> valid = client.fetch("/api/orders");
    assertEquals(200, valid.statusCode(), () -> describe(valid));
    assertTrue(setCookies(valid).isEmpty(), () -> describe(valid));

    assertEquals(200, client.fetch("/test/session/timeout").statusCode());
    Thread.sleep(1_300);
    HttpResponse<String> expired = client.fetch("/api/orders");
    assertEquals(401, expired.statusCode(), () -> describe(expired));
    assertEquals(Optional.of("Session realm=\"shop\""), expired.headers().firstValue("WWW-Authenticate"));
    assertEquals("Session expired", problem(expired).get("title"));
    assertCarriesSpringSecuritysHeaders(expired);
    assertDeletesSpringSessionsCookie(expired);
    assertNull(client.cookie("SESSION"), "the browser dropped the stale cookie");
  }

  @Test
  void aPageWhoseSessionEndedSendsTheBrowserToTheLoginPageAndBackAfterTheLogin() {
    ShopClient client = new ShopClient(port);
    client.login("alice");
    sessions.deleteById(id(client.cookie("SESSION"))); // ended on the server; the browser keeps its cookie

    HttpResponse<String> expired = client.navigate("/orders");
    assertEquals(303, expired.statusCode(), () -> describe(expired));
    assertEquals(Optional.of("/login"), expired.headers().firstValue("Location"));
    assertCarriesSpringSecuritysHeaders(expired);
    assertDeletesSpringSessionsCookie(expired);

    HttpResponse<String> back = client.logIn("alice");
    assertEquals(Optional.of(client.uri("/orders").toString()), back.headers().firstValue("Location"),
        () -> describe(back));
    HttpResponse<String> page = client.navigate("/orders");
    assertEquals(200, page.statusCode(), () -> describe(page));
  }

  /** Spring Session's cookie carries the session id Base64-encoded. */
  static String id(String cookie) {
    return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
  }

  static void assertDeletesSpringSessionsCookie(HttpResponse<String> response) {
    assertTrue(setCookies(response).stream().anyMatch(c -> c.startsWith("SESSION=;") && c.contains("Max-Age=0")),
        () -> "stale SESSION cookie deleted: " + describe(response));
    assertTrue(setCookies(response).stream().noneMatch(c -> c.startsWith("JSESSIONID=")), () -> describe(response));
  }
}
