package dev.expiry.runtime;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Registers {@link ExpiryFilter} in every web application that has {@code expiry-runtime} on its
 * class path. Set the context init parameter {@value #AUTO_REGISTER} to {@code false} to register
 * the filter yourself instead. The filter is never registered twice.
 */
public final class ExpiryInitializer implements ServletContainerInitializer {

  /** Context init parameter; {@code false} turns the automatic registration off. */
  public static final String AUTO_REGISTER = "dev.expiry.autoRegister";

  /** Creates the initializer; containers find it through {@code META-INF/services}. */
  public ExpiryInitializer() {}

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    if (isOff(context, AUTO_REGISTER)) {
      context.log("Expiry: " + AUTO_REGISTER + "=false, ExpiryFilter not registered automatically");
      return;
    }
    ExpiryFilter.register(context);
  }

  /** Whether a context init parameter turns a switch off: {@code false}, in any case. */
  static boolean isOff(ServletContext context, String parameter) {
    String value = context.getInitParameter(parameter);
    return value != null && value.trim().equalsIgnoreCase("false");
  }
}
