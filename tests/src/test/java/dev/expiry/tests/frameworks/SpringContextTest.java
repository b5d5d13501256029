package dev.expiry.tests.frameworks;

import static dev.expiry.tests.fixture.ExpiryAssertions.assertExpiryAnswer;
import static dev.expiry.tests.frameworks.FrameworkApp.assertHandlerRan;

import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.fixture.Container;
import dev.expiry.tests.fixture.OnEachContainer;
import dev.expiry.tests.fixture.RunningApp;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import dev.expiry.tests.spring.LazyDispatcher;
import dev.expiry.tests.spring.PlainDispatcher;
import dev.expiry.tests.spring.RootContextListener;
import dev.expiry.tests.spring.SingleMappingInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Which handler mappings Expiry asks: those of the {@code WebApplicationContext} the {@code
 * DispatcherServlet} publishes once it is initialized, and before that of the root context; the
 * ones the servlet itself uses, also when they are its defaults or only one of the context's.
 */
@OnEachContainer
class SpringContextTest {

  private static final String ORDERS = "OrdersScheme realm=\"orders\"";

  @Parameter(0)
  Container container;

  @Test
  void beforeTheServletInitializedItsRequestsAreSpringsAndOnceItHasTheyGetThePolicy() {
    try (RunningApp app = container.serve(TestApp.at("/lazy")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servletInstance(LazyDispatcher.OwnContext.class, "/")
        .build())) {
      SessionCookie expired = SessionCookie.madeUp("made-up");
      // No context to ask yet: the request passes, and initializes the servlet.
      assertHandlerRan(app.get("/orders/42", expired), "get 42");
      assertExpiryAnswer(app.get("/orders/42", expired), 401, "WWW-Authenticate", ORDERS);
      assertExpiryAnswer(app.get("/orders/43", expired), 401, "WWW-Authenticate", ORDERS);
    }
  }

  @Test
  void aServletThatRunsWithTheRootContextIsAnsweredFromItBeforeItInitialized() {
    try (RunningApp app = container.serve(TestApp.at("/root")
        .expiryInitializer()
        .listener(RootContextListener.class)
        .servlet(LoginServlet.class, "/login")
        .servletInstance(LazyDispatcher.RootContext.class, "/")
        .build())) {
      SessionCookie expired = SessionCookie.madeUp("made-up");
      assertExpiryAnswer(app.get("/orders/42", expired), 401, "WWW-Authenticate", ORDERS);
      assertHandlerRan(app.get("/orders/42", app.login()), "get 42"); // initializes the servlet
      assertExpiryAnswer(app.get("/orders/42", expired), 401, "WWW-Authenticate", ORDERS);
      assertExpiryAnswer(app.send("POST", "/orders/7", expired), 401, "WWW-Authenticate",
          "OrdersPostScheme realm=\"orders\"");
    }
  }

  @Test
  void withoutAnMvcConfigurationSpringsDefaultMappingsAreAsked() {
    try (RunningApp app = container.serve(TestApp.at("/defaults")
        .expiryInitializer()
        .servlet(LoginServlet.class, "/login")
        .servletInstance(PlainDispatcher.class, "/")
        .build())) {
      assertHandlerRan(app.get("/orders/42", app.login()), "get 42");
      assertExpiryAnswer(app.get("/orders/42", SessionCookie.madeUp("made-up")), 401, "WWW-Authenticate", ORDERS);
    }
  }

  @Test
  void withDetectAllHandlerMappingsOffOnlyTheHandlerMappingBeanIsAsked() {
    try (RunningApp app = container.serve(TestApp.at("/single")
        .expiryInitializer()
        .listener(SingleMappingInitializer.class)
        .servlet(LoginServlet.class, "/login")
        .build())) {
      SessionCookie expired = SessionCookie.madeUp("made-up");
      assertHandlerRan(app.get("/orders/42", app.login()), "request handler");
      assertHandlerRan(app.get("/orders/42", expired), "request handler");
    }
  }
}
