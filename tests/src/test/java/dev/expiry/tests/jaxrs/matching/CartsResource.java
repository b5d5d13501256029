package dev.expiry.tests.jaxrs.matching;

import dev.expiry.ExpiryPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** A root resource with a sub-resource locator: the items of a cart are {@link CartItems}. */
@Path("carts")
@Produces("text/plain")
public class CartsResource {

  @ExpiryPolicy(status = 401, scheme = "CartScheme", realm = "carts")
  @GET
  @Path("{cart}")
  public String cart(@PathParam("cart") String cart) {
    return "cart " + cart;
  }

  /** A locator: no HTTP method; Jersey matches the rest of the path against what it returns. */
  @Path("{cart}/items")
  public CartItems items(@PathParam("cart") String cart) {
    return new CartItems(cart);
  }
}
