package dev.expiry.tests.spring;

import dev.expiry.tests.spring.plain.PlainController;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * Spring MVC's front servlet with this application's controllers, no Boot. A subclass, as
 * applications often write: the runtime recognizes it by its superclass.
 */
public class SpringDispatcher extends DispatcherServlet {

  /** The MVC configuration: annotated controllers, Spring's defaults. */
  @Configuration
  @EnableWebMvc
  public static class Config {}

  public SpringDispatcher() {
    super(context());
  }

  /** A new, unrefreshed context with the MVC configuration and every controller of this application. */
  public static AnnotationConfigWebApplicationContext context() {
    AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
    context.register(Config.class, OrdersController.class, AccountController.class, ProfileController.class,
        PlainController.class, BooksController.class, FilmsController.class, CatalogController.class,
        MatchingController.class);
    return context;
  }
}
