package dev.expiry.tests;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.fixture.ExpiryAssertions.assertServletRan;

import dev.expiry.tests.app.AccountServlet;
import dev.expiry.tests.app.GatewayServlet;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.OrdersServlet;
import dev.expiry.tests.app.ProfileServlet;
import dev.expiry.tests.fixture.ContainerTest;
import dev.expiry.tests.fixture.RunningApp;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Each kind of policy answers an expired session with exactly the status and headers it declares,
 * whichever way its servlet was registered.
 */
class PolicyAnswerTest extends ContainerTest {

  @Override
  protected TestApp deployment() {
    return Shop.deployment();
  }

  @Test
  void customSchemeChallengeOnServletRegisteredByClass() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.get("/api/orders", expired),
        401, "WWW-Authenticate", "MyAuthScheme realm=\"http://example.com\"");
    assertExpiryAnswer(app.get("/api/orders/42", expired),
        401, "WWW-Authenticate", "MyAuthScheme realm=\"http://example.com\"");
    assertServletRan(app.get("/api/orders/42", app.login()), OrdersServlet.class);
  }

  @Test
  void bearerChallengeWithParamsOnServletRegisteredAsInstance() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.get("/api/profile", expired), 401, "WWW-Authenticate",
        "Bearer realm=\"example\", error=\"invalid_token\", "
            + "error_description=\"The session has expired\"");
    assertServletRan(app.get("/api/profile", app.login()), ProfileServlet.class);
  }

  @Test
  void proxyChallengeOnWebServletNamedAfterItsClass() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.get("/gateway/upstream", expired),
        407, "Proxy-Authenticate", "MyProxyScheme realm=\"gateway\"");
    assertServletRan(app.get("/gateway/upstream", app.login()), GatewayServlet.class);
  }

  @Test
  void redirectLocationIsPrefixedWithTheContextPath() {
    SessionCookie expired = loggedOutSession();

    assertExpiryAnswer(app.get("/account", expired), 303, "Location", Shop.CONTEXT_PATH + "/login");
    assertServletRan(app.get("/account", app.login()), AccountServlet.class);
  }

  @Test
  void redirectLocationIsUnchangedAtTheRootContext() {
    TestApp atRoot = TestApp.at("")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .webServlet(AccountServlet.class)
        .build();
    try (RunningApp root = container.serve(atRoot)) {
      assertExpiryAnswer(root.get("/account", SessionCookie.madeUp("gone")), 303, "Location", "/login");
      assertServletRan(root.get("/account", root.login()), AccountServlet.class);
    }
  }
}
