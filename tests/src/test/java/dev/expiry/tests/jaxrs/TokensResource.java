package dev.expiry.tests.jaxrs;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Behind the application's token check, a servlet filter in front of Jersey that reports an
 * expired access token before Jersey has matched any method: a policy for that expiry only (the
 * package default answers sessions).
 */
@Path("tokens")
@Produces("text/plain")
public class TokensResource {

  @ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 401, scheme = "Bearer", realm = "tokens",
      params = @Param(name = "error", value = "invalid_token"))
  @GET
  public String tokens() {
    return "tokens";
  }
}
