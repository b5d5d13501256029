package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;

import dev.expiry.tests.app.DocumentsServlet;
import dev.expiry.tests.app.MixedServlet;
import dev.expiry.tests.app.ReportsServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Policies on {@code doXxx} methods: they cover their own method only and win over the class
 * policy; HEAD follows GET unless {@code doHead} is overridden.
 */
class MethodPolicyTest extends ContainerTest {

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void methodPolicyWinsOverClassPolicy() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.send("POST", "/mixed", expired),
        303, "Location", Shop.CONTEXT_PATH + "/login");
  }

  @Test
  void classPolicyCoversTheOtherMethods() {
    SessionCookie expired = loggedOutSession();
    String challenge = "MyAuthScheme realm=\"mixed\"";

    assertExpiryAnswer(app.get("/mixed", expired), 401, "WWW-Authenticate", challenge);
    assertExpiryAnswer(app.send("HEAD", "/mixed", expired), 401, "WWW-Authenticate", challenge);
    assertExpiryAnswer(app.send("PUT", "/mixed", expired), 401, "WWW-Authenticate", challenge);
    assertExpiryAnswer(app.send("DELETE", "/mixed", expired), 401, "WWW-Authenticate", challenge);
  }

  @Test
  void methodPolicyCoversOnlyItsMethod() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.get("/reports", expired),
        401, "WWW-Authenticate", "MyAuthScheme realm=\"reports\"");
    assertServletRan(app.send("POST", "/reports", expired), ReportsServlet.class);
  }

  @Test
  void headFollowsGetWhenDoHeadIsNotOverridden() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.send("HEAD", "/reports", expired),
        401, "WWW-Authenticate", "MyAuthScheme realm=\"reports\"");
    assertServletRan(app.send("HEAD", "/reports", app.login()), ReportsServlet.class);
  }

  @Test
  void headGetsTheClassPolicyWhenDoHeadIsOverridden() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.get("/documents", expired),
        303, "Location", Shop.CONTEXT_PATH + "/login");
    assertExpiryAnswer(app.send("HEAD", "/documents", expired),
        401, "WWW-Authenticate", "MyAuthScheme realm=\"documents\"");
    assertServletRan(app.send("HEAD", "/documents", app.login()), DocumentsServlet.class);
  }

  @Test
  void servletRunsEveryMethodForLiveSession() {
    SessionCookie session = app.login();

    assertServletRan(app.get("/mixed", session), MixedServlet.class);
    assertServletRan(app.send("POST", "/mixed", session), MixedServlet.class);
    assertServletRan(app.get("/documents", session), DocumentsServlet.class);
  }
}
