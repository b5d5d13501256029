package dev.expiry.processor.model;

import java.util.Optional;

/** The HTTP methods an {@code HttpServlet} dispatches to a {@code doXxx} method of its own. */
public enum HttpMethod {
  GET("doGet"),
  HEAD("doHead"),
  POST("doPost"),
  PUT("doPut"),
  DELETE("doDelete"),
  OPTIONS("doOptions"),
  TRACE("doTrace"),
  PATCH("doPatch");

  private final String servletMethod;

  HttpMethod(String servletMethod) {
    this.servletMethod = servletMethod;
  }

  /** The {@code HttpServlet} method that serves it, such as {@code doGet}. */
  public String servletMethod() {
    return servletMethod;
  }

  /** The HTTP method a {@code doXxx} method serves. */
  public static Optional<HttpMethod> ofServletMethod(String name) {
    for (HttpMethod m : values()) {
      if (m.servletMethod.equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
