/**
 * Expiry for JAX-RS: behind a JAX-RS runtime's servlet (Jersey's {@code ServletContainer}), the
 * expiry policy that answers is the one of the resource method the runtime itself matched,
 * sub-resource locators included.
 *
 * <p>The servlet filter marks a request whose session expired ({@link
 * dev.expiry.runtime.ExpiryResponses#PENDING}) and passes it on; {@link ExpiryRequestFilter}, a
 * post-matching JAX-RS filter that {@link ExpiryFeature} registers, answers it with the matched
 * method's policy before the method runs. The feature is listed for {@link java.util.ServiceLoader}
 * as a {@code jakarta.ws.rs.core.Feature}, which JAX-RS 3.1 and later runtimes register on their
 * own; an application that turns that off registers {@code ExpiryFeature} itself.
 */
package dev.expiry.jaxrs;
