package dev.expiry.examples.spring;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * Spring MVC's {@code DispatcherServlet} with the shop's controllers, no Spring Boot. Expiry sees
 * that requests mapped to it go to Spring MVC and, through {@code expiry-spring-webmvc}, asks
 * Spring's handler mappings which controller method an expired request goes to.
 */
public class ShopDispatcher extends DispatcherServlet {

  /** Annotated controllers with Spring's defaults. */
  @Configuration
  @EnableWebMvc
  public static class Config {}

  /** Called by the container. */
  public ShopDispatcher() {
    super(context());
  }

  private static AnnotationConfigWebApplicationContext context() {
    AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
    context.register(Config.class, CatalogController.class);
    return context;
  }
}
