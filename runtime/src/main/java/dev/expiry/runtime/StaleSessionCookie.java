package dev.expiry.runtime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Deletes the stale session cookie for a session manager that keeps its own cookie in place of
 * the container's: Spring Session's {@code SESSION} cookie, written by its {@code CookieSerializer},
 * is one. Without it, a {@code SESSION} policy deletes the container's session cookie (its name,
 * path and domain from the {@link jakarta.servlet.SessionCookieConfig}) when the request's session
 * id came from that cookie.
 *
 * <p>Set an instance as the servlet context attribute {@link #ATTRIBUTE} while the application
 * starts (from a {@code ServletContainerInitializer} or a listener), before it serves its first
 * request: it is read once, when Expiry starts serving the application (the filter's {@code
 * init}, or the first {@code ExpiryResponses.send}). It is then called instead of the
 * container's deletion whenever a {@code SESSION} policy answers and the context init parameter
 * {@code dev.expiry.clearStaleCookie} is not {@code false}; it decides itself whether the request
 * carried its cookie. An exception it throws is logged and the request passed on unanswered.
 */
@FunctionalInterface
public interface StaleSessionCookie {

  /** The servlet context attribute that holds the application's {@code StaleSessionCookie}. */
  String ATTRIBUTE = "dev.expiry.runtime.StaleSessionCookie";

  /**
   * Adds to the response whatever deletes the session cookie the request carried, if it carried
   * one; called before the policy's status, headers and body are written.
   */
  void delete(HttpServletRequest request, HttpServletResponse response);
}
