package dev.expiry.tests.app;

import dev.expiry.runtime.ExpiryFilter;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** Registers {@link ExpiryFilter} twice, as an application that is unsure whether it did might. */
public class RegisterTwiceListener implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ExpiryFilter.register(event.getServletContext());
    ExpiryFilter.register(event.getServletContext());
  }
}
