package dev.expiry.tests.jaxrs.plain;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** No policy anywhere: its requests reach it whatever their session. */
@Path("/plain")
@Produces("text/plain")
public class PlainResource {

  @GET
  public String plain() {
    return "plain";
  }
}
