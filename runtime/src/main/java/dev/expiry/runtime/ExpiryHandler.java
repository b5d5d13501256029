package dev.expiry.runtime;

/**
 * Implemented by the code the Expiry annotation processor generates: one class per Java package of
 * a compilation (a very large package is split over a few), listing every endpoint of that package
 * with the answers it gets. Each is registered as a {@link java.util.ServiceLoader} provider of
 * this interface, so the classes of several separately compiled jars, also of jars that share a
 * package, all reach the runtime.
 *
 * <p>Everything in it is rendered at compile time: status codes, header values and problem details
 * are constants, and the processor has already decided which response answers which expiry and
 * kind of client on each endpoint. It hands them to the runtime once, at start-up, and never runs
 * per request. This interface, {@link Policies}, {@link Response} and {@link Answers} are the
 * whole contract between generated code and the runtime.
 */
public interface ExpiryHandler {

  /** Hands the policies of the endpoints to the runtime. Called once, when the index loads. */
  void declare(Policies policies);

  /** One rendered response, as the runtime holds it. Opaque to generated code. */
  interface Response {}

  /** Which response answers each expiry and kind of client on an endpoint. Opaque to generated code. */
  interface Answers {}

  /** Receives the policies. Implemented by the runtime; called by generated code. */
  interface Policies {

    /** The HTTP method key of a servlet's answers for every method that has none of its own. */
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
     * Declares which response answers each expiry and kind of client: for each {@link
     * dev.expiry.Expired} constant in declaration order, the response for a {@link
     * dev.expiry.Client#BROWSER}, then the one for an {@link dev.expiry.Client#API} client;
     * {@code null} where none answers. Trailing entries may be left out.
     *
     * @param responses responses this class declared, or {@code null}
     */
    Answers answers(Response... responses);

    /**
     * Declares the answers of a servlet for an HTTP method.
     *
     * @param servletClass the binary name of the servlet class, as a container reports it
     * @param method an HTTP method such as {@code "GET"}, or {@link #ANY_METHOD}
     * @param answers answers this class declared
     */
    void servlet(String servletClass, String method, Answers answers);

    /**
     * Declares the answers of a framework's handler method (a Spring MVC controller method, a
     * JAX-RS resource method), which the framework itself says a request goes to.
     *
     * @param endpointClass the binary name of the controller or resource class (for an inherited
     *     handler method, the class that inherits it)
     * @param method the method's name and the binary names of its parameter types' erasures:
     *     {@code get(java.lang.String,long)}, as {@link FrameworkHandler#methodKey} renders it
     * @param answers answers this class declared
     */
    void handler(String endpointClass, String method, Answers answers);
  }
}
