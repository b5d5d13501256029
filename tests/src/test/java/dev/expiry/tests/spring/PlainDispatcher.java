package dev.expiry.tests.spring;

import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A {@code DispatcherServlet} whose context holds the orders controller and no MVC configuration
 * ({@code @EnableWebMvc}): the servlet falls back on its default handler mappings.
 */
public class PlainDispatcher extends DispatcherServlet {

  public PlainDispatcher() {
    super(context());
  }

  private static AnnotationConfigWebApplicationContext context() {
    AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
    context.register(OrdersController.class);
    return context;
  }
}
