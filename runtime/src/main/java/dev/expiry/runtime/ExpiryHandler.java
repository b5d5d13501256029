package dev.expiry.runtime;

import dev.expiry.Client;
import dev.expiry.Expired;

/**
 * Implemented by the code the Expiry annotation processor generates: one handler per endpoint
 * class with a policy (and, for a framework with policies in the compilation, per controller or
 * resource, so that its routes take part in the ranking). Each handler is registered as a {@link
 * java.util.ServiceLoader} provider of this interface, so handlers from several separately compiled
 * jars all reach the runtime.
 *
 * <p>A handler carries responses rendered at compile time (status codes, header values and
 * problem details are constants, and the processor has already decided which policy answers which
 * method, expiry and kind of client) and hands them to the runtime once, at start-up; it never
 * runs per request. This interface, {@link Policies} and {@link Response} are the whole contract
 * between generated code and the runtime, and they only ever grow by methods the runtime
 * implements.
 */
public interface ExpiryHandler {

  /** The binary name of the endpoint class, as a servlet container reports it. */
  String endpoint();

  /** Hands this endpoint's policies to the runtime. Called once, when the index loads. */
  void declare(Policies policies);

  /** One rendered response, as the runtime holds it. Opaque to generated code. */
  interface Response {}

  /** Receives the policies of one endpoint. Implemented by the runtime; called by generated code. */
  interface Policies {

    /** The method key that stands for every HTTP method no other {@code answer} call names. */
    String ANY_METHOD = "*";

    /**
     * Declares one response.
     *
     * @param status the status code
     * @param type the RFC 9457 problem type URI
     * @param title the problem title
     * @param detail the problem detail
     * @param headers header names and values, alternating, already validated and rendered; a
     *     {@code Location} may hold {@code {path}} in its query
     */
    Response response(int status, String type, String title, String detail, String... headers);

    /**
     * Says which response answers an expiry for a kind of client on an HTTP method.
     *
     * @param method an HTTP method such as {@code "GET"}, or {@link #ANY_METHOD}
     * @param on what expired
     * @param client {@link Client#BROWSER} or {@link Client#API}: the processor has already
     *     resolved {@link Client#ANY}
     * @param response a response this handler declared
     */
    void answer(String method, Expired on, Client client, Response response);

    /** The framework of a route: Spring MVC, behind its {@code DispatcherServlet}. */
    String SPRING_MVC = "spring-mvc";

    /** The framework of a route: Jakarta RESTful Web Services (JAX-RS), behind Jersey's servlet. */
    String JAX_RS = "jax-rs";

    /**
     * Declares a route that a framework servlet dispatches to a handler method of this endpoint.
     * Templates are relative to the framework servlet's mapping, start with {@code /} unless
     * empty, and are written in the framework's own syntax ({@code {id}}, {@code {id:\d+}},
     * {@code *}, {@code **}, {@code {*rest}} for Spring MVC; {@code {id}}, {@code {id: regex}} for
     * JAX-RS). A route without answers still takes part in choosing the most specific route, so
     * that a request for it is not answered by a less specific one.
     *
     * @param framework {@link #SPRING_MVC} or {@link #JAX_RS}
     * @param method an HTTP method such as {@code "GET"}, or {@link #ANY_METHOD} for a Spring MVC
     *     mapping that names none
     * @param classTemplate the class-level path template, {@code ""} when there is none
     * @param methodTemplate the method-level path template, {@code ""} when there is none
     * @return the route, to hand to {@link #answer(Route, Expired, Client, Response)}
     */
    Route route(String framework, String method, String classTemplate, String methodTemplate);

    /**
     * Says which response answers an expiry for a kind of client on a route.
     *
     * @param route a route this handler declared
     * @param on what expired
     * @param client {@link Client#BROWSER} or {@link Client#API}
     * @param response a response this handler declared
     */
    void answer(Route route, Expired on, Client client, Response response);
  }

  /** One route of a framework servlet, as the runtime holds it. Opaque to generated code. */
  interface Route {}
}
