package dev.expiry.runtime;

import jakarta.servlet.ServletContext;

/**
 * The sizes of what the runtime keeps per request-independent key — its servlets by name and the
 * framework handler methods it has resolved — for tests that check they stay bounded. (In the
 * runtime's package, where those fields can be reached.)
 */
public final class RuntimeCaches {

  private RuntimeCaches() {}

  /** {@code servlets by name + resolved handler methods}, as {@code "servlets=N handlers=M"}. */
  public static String sizes(ServletContext context) {
    Object responder = context.getAttribute(Responder.class.getName());
    if (!(responder instanceof Responder r)) {
      return "no responder";
    }
    return r.cacheSizes();
  }
}
