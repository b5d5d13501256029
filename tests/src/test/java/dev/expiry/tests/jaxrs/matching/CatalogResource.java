package dev.expiry.tests.jaxrs.matching;

import dev.expiry.ExpiryPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * A resource whose {@code GET /catalog/{sku}} is inherited from {@link CatalogBase}: the class
 * policy covers it; its own {@code GET /catalog} has a policy of its own.
 */
@ExpiryPolicy(status = 401, scheme = "CatalogScheme", realm = "catalog")
@Path("catalog")
@Produces("text/plain")
public class CatalogResource extends CatalogBase {

  @ExpiryPolicy(status = 401, scheme = "CatalogListScheme", realm = "catalog")
  @GET
  public String list() {
    return "catalog";
  }
}
