package dev.expiry.tests.jaxrs.matching;

import dev.expiry.ExpiryPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * A sub-resource: no {@code @Path} of its own, reached only through {@link CartsResource#items}.
 * A literal path ({@code count}, no policy) beside a template ({@code {item}}, with one).
 */
@Produces("text/plain")
public class CartItems {

  private final String cart;

  CartItems(String cart) {
    this.cart = cart;
  }

  @ExpiryPolicy(status = 401, scheme = "ItemsScheme", realm = "carts")
  @GET
  public String list() {
    return "items of " + cart;
  }

  @ExpiryPolicy(status = 401, scheme = "ItemScheme", realm = "carts")
  @GET
  @Path("{item}")
  public String item(@PathParam("item") String item) {
    return "item " + item + " of " + cart;
  }

  @GET
  @Path("count")
  public String count() {
    return "count of " + cart;
  }
}
