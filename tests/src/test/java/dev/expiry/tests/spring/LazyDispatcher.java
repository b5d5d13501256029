package dev.expiry.tests.spring;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A {@code DispatcherServlet} that initializes itself on its first request, not when the container
 * initializes it: until then it has published no context, and the filter sees requests for it
 * first. (Both containers otherwise initialize a servlet before its first request's filters run.)
 */
public abstract class LazyDispatcher extends DispatcherServlet {

  private ServletConfig config;
  private volatile boolean initialized;

  private LazyDispatcher(WebApplicationContext context) {
    super(context);
  }

  /** The container's initialization: only remembered. */
  @Override
  public void init(ServletConfig config) {
    this.config = config;
  }

  @Override
  public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
    if (!initialized) {
      synchronized (this) {
        if (!initialized) {
          super.init(config);
          initialized = true;
        }
      }
    }
    super.service(request, response);
  }

  /** With this application's own context, as {@link SpringDispatcher} has it. */
  public static class OwnContext extends LazyDispatcher {
    public OwnContext() {
      super(SpringDispatcher.context());
    }
  }

  /**
   * With the root {@code WebApplicationContext} as its context, the way Spring Boot runs its
   * {@code DispatcherServlet}; {@link RootContextListener} starts that context.
   */
  public static class RootContext extends LazyDispatcher {
    public RootContext() {
      super(null);
      setContextAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE);
    }
  }
}
