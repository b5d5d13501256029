package dev.expiry.jaxrs;

import dev.expiry.Expired;
import dev.expiry.runtime.ExpiryResponses;
import dev.expiry.runtime.FrameworkHandler;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Answers an expired session with the policy of the resource method the JAX-RS runtime matched:
 * a post-matching request filter (not {@code @PreMatching}), registered by {@link ExpiryFeature}
 * at {@link ExpiryFeature#PRIORITY}.
 *
 * <p>The servlet filter marks a request whose session expired with {@link
 * ExpiryResponses#PENDING}. Here, after matching, {@link ResourceInfo} names the resource class
 * (the class of the instance, also for a method it inherits or a sub-resource a locator returned)
 * and the method that will run. When that method has a policy for what expired, the policy is
 * written and committed, and the request is aborted with the same status, so that neither the
 * method nor JAX-RS writes anything over it. Without a policy the request goes on unchanged.
 *
 * <p>For any other request it reads one request property, in a servlet container the servlet
 * request's attribute.
 */
public final class ExpiryRequestFilter implements ContainerRequestFilter {

  private final ResourceInfo matched;
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  /**
   * Created by the JAX-RS runtime once per application, with proxies to the current request's
   * state. Makes {@code matched} known to the servlet's lookup, so that {@link
   * ExpiryResponses#send(HttpServletRequest, HttpServletResponse, Expired)} called from a
   * resource method finds that method's policy.
   *
   * @param servlet the JAX-RS servlet's configuration; {@code null} when the runtime runs as a
   *     servlet filter, which the servlet filter does not mark requests for
   */
  public ExpiryRequestFilter(@Context ResourceInfo matched, @Context HttpServletRequest request,
      @Context HttpServletResponse response, @Context ServletConfig servlet) {
    this.matched = matched;
    this.request = request;
    this.response = response;
    if (servlet != null && servlet.getServletContext() != null && servlet.getServletName() != null) {
      JaxRsLookup.of(servlet.getServletContext(), servlet.getServletName()).install(matched);
    }
  }

  @Override
  public void filter(ContainerRequestContext context) throws IOException {
    // In a servlet container the request's properties are the servlet request's attributes.
    if (!(context.getProperty(ExpiryResponses.PENDING) instanceof Expired on)) {
      return;
    }
    context.removeProperty(ExpiryResponses.PENDING);
    Class<?> type = matched.getResourceClass();
    Method method = matched.getResourceMethod();
    if (type == null || method == null) {
      return;
    }
    if (ExpiryResponses.send(request, response, on, new FrameworkHandler(type, method))) {
      // Committed, the response keeps Expiry's status, headers and body whatever JAX-RS sets after.
      response.flushBuffer();
      context.abortWith(Response.status(response.getStatus()).build());
    }
  }
}
