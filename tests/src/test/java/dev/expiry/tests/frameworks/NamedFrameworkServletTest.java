package dev.expiry.tests.frameworks;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.frameworks.FrameworkApp.assertHandlerRan;

import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.app.LogoutServlet;
import dev.expiry.tests.fixture.Container;
import dev.expiry.tests.fixture.OnEachContainer;
import dev.expiry.tests.fixture.RunningApp;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import dev.expiry.tests.jaxrs.JerseyServlet;
import dev.expiry.tests.spring.SpringDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Framework servlets the runtime cannot recognize by class: plain servlets that hold Spring's
 * {@code DispatcherServlet} or Jersey's {@code ServletContainer} and hand it every request,
 * registered under the names {@code dispatcher} and {@code api}. Only the context init parameter
 * {@code dev.expiry.frameworkServlets} tells the filter to ask the frameworks behind them.
 */
@OnEachContainer
class NamedFrameworkServletTest {

  @Parameter(0)
  Container container;

  /** Holds a framework's front servlet and delegates to it; its own class says nothing about it. */
  abstract static class Delegating extends HttpServlet {

    private final Servlet framework;

    Delegating(Servlet framework) {
      this.framework = framework;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
      super.init(config);
      framework.init(config);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
      framework.service(request, response);
    }

    @Override
    public void destroy() {
      framework.destroy();
    }
  }

  /** Spring MVC behind a wrapper, as the default servlet. */
  @WebServlet(name = "dispatcher", urlPatterns = "/")
  public static class WrappedSpring extends Delegating {
    public WrappedSpring() {
      super(new SpringDispatcher());
    }
  }

  /** Jersey behind a wrapper, at the application path. */
  @WebServlet(name = "api", urlPatterns = "/api/*")
  public static class WrappedJersey extends Delegating {
    public WrappedJersey() {
      super(new JerseyServlet());
    }
  }

  /** Both wrapped frameworks, with the init parameter set to {@code parameter} unless it is null. */
  private RunningApp start(String parameter) {
    TestApp.Builder app = TestApp.at("/named")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servlet(LogoutServlet.class, "/logout")
        .webServlet(WrappedSpring.class)
        .webServlet(WrappedJersey.class);
    if (parameter != null) {
      app.initParameter("dev.expiry.frameworkServlets", parameter);
    }
    return container.serve(app.build());
  }

  @Test
  void servletsNamedInTheInitParameterAnswerWithTheirRoutesPolicies() {
    try (RunningApp app = start("dispatcher=spring-mvc, api=jax-rs")) {
      SessionCookie live = app.login();
      assertHandlerRan(app.get("/orders/7", live), "get 7");

      SessionCookie expired = FrameworkApp.expiredSession(app);
      assertExpiryAnswer(app.get("/orders/7", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
      assertExpiryAnswer(app.send("POST", "/orders/7", expired), 401, "WWW-Authenticate",
          "OrdersPostScheme realm=\"orders\"");
      // Routes without a policy are still the framework's.
      assertHandlerRan(app.get("/plain", expired), "plain");
    }
  }

  @Test
  void aJerseyServletNamedInTheInitParameterAnswersWithThePoliciesOfItsResourceMethods() {
    try (RunningApp app = start("dispatcher=spring-mvc, api=jax-rs")) {
      SessionCookie live = app.login();
      assertHandlerRan(app.get("/api/orders/7", live), "get 7");

      SessionCookie expired = FrameworkApp.expiredSession(app);
      assertExpiryAnswer(app.get("/api/orders/7", expired), 401, "WWW-Authenticate",
          "OrdersScheme realm=\"orders\"");
      assertExpiryAnswer(app.get("/api/orders/7/status", expired), 401, "WWW-Authenticate",
          "ApiScheme realm=\"api\"");
      // Resource methods without a policy are still Jersey's.
      assertHandlerRan(app.get("/api/plain", expired), "plain");
    }
  }

  @Test
  void withoutTheInitParameterTheWrappedFrameworksAnswerExpiredSessionsThemselves() {
    try (RunningApp app = start(null)) {
      SessionCookie expired = FrameworkApp.expiredSession(app);
      assertHandlerRan(app.get("/orders/7", expired), "get 7");
      assertHandlerRan(app.send("POST", "/orders/7", expired), "post 7");
      assertHandlerRan(app.get("/api/orders/7", expired), "get 7");
    }
  }

  @Test
  void malformedItemsAreIgnoredAndTheWellFormedOnesStillCount() {
    try (RunningApp app = start("junk, x=unknown-framework, api=unknown-framework, ,dispatcher=spring-mvc")) {
      SessionCookie expired = FrameworkApp.expiredSession(app);
      assertExpiryAnswer(app.get("/orders/7", expired), 401, "WWW-Authenticate", "OrdersScheme realm=\"orders\"");
      // "api" was named with a framework the runtime does not know: an ordinary servlet.
      assertHandlerRan(app.get("/api/orders/7", expired), "get 7");
    }
  }
}
