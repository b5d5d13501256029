package dev.expiry.tests.spring;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Registers a {@code DispatcherServlet} as an application's initializer does, with the init
 * parameter {@code detectAllHandlerMappings=false}: of the context's handler mappings it asks only
 * the bean {@code handlerMapping}, which sends {@code /orders/*} to a plain request handler, not
 * to the annotated controller (whose mapping Spring MVC's configuration also declares).
 */
public class SingleMappingInitializer implements ServletContextListener {

  /** The MVC configuration, and the one mapping the servlet uses. */
  @Configuration
  @EnableWebMvc
  public static class Config {

    @Bean
    public HandlerMapping handlerMapping() {
      HttpRequestHandler plain = (request, response) -> {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("request handler");
      };
      return new SimpleUrlHandlerMapping(Map.of("/orders/*", plain));
    }
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
    context.register(Config.class, OrdersController.class);
    ServletRegistration.Dynamic dispatcher = event.getServletContext().addServlet("dispatcher", new DispatcherServlet(context));
    dispatcher.setInitParameter("detectAllHandlerMappings", "false");
    dispatcher.addMapping("/");
  }
}
