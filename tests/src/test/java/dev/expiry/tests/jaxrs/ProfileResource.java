package dev.expiry.tests.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** No policy of its own: the package default applies. */
@Path("/profile")
@Produces("text/plain")
public class ProfileResource {

  @GET
  public String profile() {
    return "profile";
  }
}
