package dev.expiry.runtime;

/**
 * Implemented by the code the Expiry annotation processor generates: one handler per endpoint
 * class that declares an {@link dev.expiry.ExpiryPolicy}. Each handler is registered as a {@link
 * java.util.ServiceLoader} provider of this interface, so handlers from several separately compiled
 * jars all reach the runtime.
 *
 * <p>A handler carries responses rendered at compile time (status codes and header values are
 * constants) and hands them to the runtime once, at start-up; it never runs per request. This
 * interface and {@link Policies} are the whole contract between generated code and the runtime,
 * and they only ever grow by methods that the runtime implements.
 */
public interface ExpiryHandler {

  /** The binary name of the endpoint class, as a servlet container reports it. */
  String endpoint();

  /** Hands this endpoint's policies to the runtime. Called once, when the index loads. */
  void declare(Policies policies);

  /** Receives the policies of one endpoint. Implemented by the runtime; called by generated code. */
  interface Policies {

    /** The method key that stands for every HTTP method no other {@code respond} call names. */
    String ANY_METHOD = "*";

    /**
     * Declares the response to an expired session for one HTTP method.
     *
     * @param method an HTTP method such as {@code "GET"}, or {@link #ANY_METHOD}
     * @param status the status code
     * @param headers header names and values, alternating, already validated and rendered
     */
    void respond(String method, int status, String... headers);
  }
}
