package dev.expiry.tests.jaxrs;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import java.io.IOException;

/** A class policy, a method policy, a regex template beside a literal one, and a reported expiry. */
@ExpiryPolicy(status = 401, scheme = "OrdersScheme", realm = "orders")
@Path("orders")
@Produces("text/plain")
public class OrdersResource {

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return "get " + id;
  }

  @ExpiryPolicy(status = 401, scheme = "OrdersPostScheme", realm = "orders")
  @POST
  @Path("{id}")
  public String post(@PathParam("id") String id) {
    return "post " + id;
  }

  @ExpiryPolicy(status = 401, scheme = "NumberedScheme", realm = "orders")
  @GET
  @Path("by-number/{n: \\d+}")
  public String numbered(@PathParam("n") String n) {
    return "numbered " + n;
  }

  @GET
  @Path("by-number/latest")
  public String latest() {
    return "latest";
  }

  @ApiSessionPolicy
  @GET
  @Path("{id}/status")
  public String status(@PathParam("id") String id) {
    return "status " + id;
  }

  /** Reports an expired CSRF token, as an application's own check would. */
  @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 400, title = "Form expired", detail = "Reload the form")
  @POST
  @Path("{id}/confirm")
  public String confirm(@Context HttpServletRequest request, @Context HttpServletResponse response)
      throws IOException {
    if (request.getHeader("X-Csrf-Expired") != null && ExpiryResponses.send(request, response, Expired.CSRF_TOKEN)) {
      return null;
    }
    return "confirmed";
  }
}
