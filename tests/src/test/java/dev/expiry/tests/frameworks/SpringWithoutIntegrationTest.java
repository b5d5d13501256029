package dev.expiry.tests.frameworks;

import static dev.expiry.tests.frameworks.FrameworkApp.assertHandlerRan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.runtime.FrameworkDispatch;
import dev.expiry.tests.app.LoginServlet;
import dev.expiry.tests.fixture.Container;
import dev.expiry.tests.fixture.RunningApp;
import dev.expiry.tests.fixture.SessionCookie;
import dev.expiry.tests.fixture.TestApp;
import dev.expiry.tests.spring.SpringDispatcher;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A {@code DispatcherServlet} whose handlers have policies, in an application where {@code
 * expiry-spring-webmvc} is not on the class path: Spring answers its expired requests, and the
 * runtime says once which dependency is missing.
 *
 * <p>On Jetty only: its {@code ServletContextHandler} has no class loader of its own unless one is
 * set, so the application's is the one it starts with, and this test starts it with a loader that
 * hides the integration's service entry.
 */
class SpringWithoutIntegrationTest {

  private static final String SERVICE = "META-INF/services/" + FrameworkDispatch.class.getName();

  /** The application's class path without Expiry's framework integrations. */
  private static final class WithoutIntegrations extends ClassLoader {
    WithoutIntegrations(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.equals(SERVICE) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }

  @Test
  void springAnswersAndTheRuntimeNamesTheMissingDependency() {
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler recorder = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.expiry.runtime.FrameworkServlets");
    logger.addHandler(recorder);
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(new WithoutIntegrations(original));
    RunningApp app;
    try {
      app = Container.JETTY.serve(TestApp.at("/bare")
          .expiryInitializer()
          .servlet(LoginServlet.class, "/login")
          .servletInstance(SpringDispatcher.class, "/")
          .build());
    } finally {
      thread.setContextClassLoader(original);
    }
    try (app) {
      assertHandlerRan(app.get("/orders/42", SessionCookie.madeUp("made-up")), "get 42");
      assertHandlerRan(app.get("/orders/43", SessionCookie.madeUp("made-up")), "get 43");
    } finally {
      logger.removeHandler(recorder);
    }
    assertEquals(1, warnings.size(), warnings.toString());
    String message = warnings.get(0).getMessage();
    assertTrue(message.contains("dev.expiry:expiry-spring-webmvc"), message);
    assertTrue(message.contains("servlet \"" + SpringDispatcher.class.getName()), message);
  }
}
