package dev.expiry.tests.jaxrs.matching;

import dev.expiry.ExpiryPolicy;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Implements {@link TicketsApi} without a JAX-RS annotation on its methods, so Jersey takes them
 * from the interface. {@code ticket} has a policy of its own; {@code tickets} has the class's.
 */
@ExpiryPolicy(status = 401, scheme = "TicketsScheme", realm = "tickets")
@Path("tickets")
@Produces("text/plain")
public class TicketsResource implements TicketsApi {

  @Override
  public String tickets() {
    return "tickets";
  }

  @ExpiryPolicy(status = 401, scheme = "TicketScheme", realm = "tickets")
  @Override
  public String ticket(String id) {
    return "ticket " + id;
  }
}
