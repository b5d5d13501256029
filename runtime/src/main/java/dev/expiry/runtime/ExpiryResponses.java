package dev.expiry.runtime;

import dev.expiry.Expired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Reports an expiry the container cannot see. Access tokens and CSRF tokens expire in application
 * code; call this where you find out, and the policy the request's endpoint declares for that
 * expiry is written:
 *
 * <pre>{@code
 * if (tokenExpired(request) && ExpiryResponses.send(request, response, Expired.ACCESS_TOKEN)) {
 *   return;
 * }
 * }</pre>
 *
 * It works from a filter, a servlet, or a framework's error handler, with or without {@link
 * ExpiryFilter} registered.
 */
public final class ExpiryResponses {

  /**
   * Request attribute: what expired, on a request for a framework that decides inside its servlet
   * which handler runs (JAX-RS), when the filter found the session expired or the application
   * reported an expiry before the framework had matched the request. The integration there takes
   * it off and answers it with {@link #send(HttpServletRequest, HttpServletResponse, Expired,
   * FrameworkHandler)}.
   */
  public static final String PENDING = "dev.expiry.pending";

  private ExpiryResponses() {}

  /**
   * Writes the response the endpoint mapped to the request declares for this expiry and the
   * client's kind.
   *
   * @return {@code true} when a policy answered; {@code false} when the endpoint declares none for
   *     it (or the response is already committed), in which case nothing was written — except
   *     behind a framework that decides inside its servlet (JAX-RS): called before the framework
   *     has matched the request (from a servlet filter in front of Jersey), it returns {@code
   *     false} and marks the request, and the matched method's policy answers once Jersey has
   *     matched it
   * @throws IOException when writing the body fails
   */
  public static boolean send(HttpServletRequest request, HttpServletResponse response, Expired on) throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(on, "on");
    Responder responder = Responder.of(request.getServletContext());
    return responder != null && responder.send(request, response, on);
  }

  /**
   * Writes the response a framework's handler method declares for this expiry, for a framework
   * integration that knows which handler method the framework chose for the request.
   *
   * @return {@code true} when a policy answered; {@code false} when the handler declares none for
   *     it (or the response is already committed), in which case nothing was written
   * @throws IOException when writing the body fails
   */
  public static boolean send(HttpServletRequest request, HttpServletResponse response, Expired on,
      FrameworkHandler handler) throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(handler, "handler");
    Responder responder = Responder.of(request.getServletContext());
    return responder != null && responder.send(request, response, on, handler);
  }
}
