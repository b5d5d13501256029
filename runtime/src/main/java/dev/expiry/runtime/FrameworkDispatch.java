package dev.expiry.runtime;

import dev.expiry.Expired;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Asks a web framework which handler method it dispatches a request to. Implemented by Expiry's
 * framework integrations ({@code expiry-spring-webmvc}, {@code expiry-jaxrs}) and found through
 * {@link java.util.ServiceLoader}: the runtime never matches a framework's routes itself.
 *
 * <p>Only requests whose session (or token) expired ever reach a lookup: the valid-session path
 * does not change when an integration is present.
 */
public interface FrameworkDispatch {

  /** The framework id of Spring MVC, behind its {@code DispatcherServlet}. */
  String SPRING_MVC = "spring-mvc";

  /** The framework id of Jakarta RESTful Web Services, behind Jersey's or RESTEasy's servlet. */
  String JAX_RS = "jax-rs";

  /** The framework this integration asks: {@link #SPRING_MVC} or {@link #JAX_RS}. */
  String framework();

  /**
   * The lookup for one of the framework's servlets, created once per servlet: when Expiry starts
   * serving the application for the servlets registered then, on first use for those added later.
   * A lookup that throws is logged, and that servlet's handler methods are not served.
   *
   * @param context the application
   * @param servletName the name the servlet is registered under
   * @return the lookup; never {@code null}
   */
  Lookup lookup(ServletContext context, String servletName);

  /** Finds the handler method of a request for one framework servlet. */
  interface Lookup {

    /**
     * The handler method the framework would run for the request, or {@code null} when it would
     * run none (it then answers 404, 405 or 406 itself) or cannot tell yet. A lookup that {@link
     * #decidesInside() decides inside} is asked only by {@link ExpiryResponses#send} (application
     * code, which may run inside the framework), never by the servlet filter.
     */
    FrameworkHandler handlerOf(HttpServletRequest request);

    /**
     * Whether the framework decides inside its servlet, where the integration answers the expiry
     * itself (JAX-RS: a post-matching filter). The servlet filter then marks the request with what
     * expired (the request attribute {@link ExpiryResponses#PENDING}) and passes it on.
     */
    default boolean decidesInside() {
      return false;
    }

    /**
     * Called by the servlet filter when a request it marked {@link ExpiryResponses#PENDING} comes
     * back from the framework's servlet still marked. The integration inside takes the mark off
     * every request it sees, so nothing there saw this one: the framework matched no handler (it
     * answered 404, 405, 406 itself, or a filter of its own answered first), or the integration is
     * not installed in that framework application. Only requests whose session expired get here.
     */
    default void unanswered(HttpServletRequest request, Expired on) {}
  }
}
