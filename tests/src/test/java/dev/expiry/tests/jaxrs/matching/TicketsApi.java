package dev.expiry.tests.jaxrs.matching;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The JAX-RS annotations of {@link TicketsResource}, declared on the interface it implements. */
public interface TicketsApi {

  @GET
  String tickets();

  @GET
  @Path("{id}")
  String ticket(@PathParam("id") String id);
}
