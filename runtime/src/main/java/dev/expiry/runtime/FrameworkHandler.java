package dev.expiry.runtime;

import java.lang.reflect.Method;
import java.util.Objects;

/**
 * The handler method a framework dispatches a request to, as the framework itself reports it: the
 * controller or resource class (the class of the instance, not necessarily the one declaring the
 * method) and the method.
 *
 * @param type the controller or resource class
 * @param method the handler method
 */
public record FrameworkHandler(Class<?> type, Method method) {

  public FrameworkHandler {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(method, "method");
  }

  /**
   * The key generated code declares a handler method under: its name and the binary names of its
   * parameter types, {@code get(java.lang.String,long[])}.
   */
  public static String methodKey(Method method) {
    StringBuilder key = new StringBuilder(method.getName()).append('(');
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      if (i > 0) {
        key.append(',');
      }
      key.append(parameters[i].getTypeName());
    }
    return key.append(')').toString();
  }
}
