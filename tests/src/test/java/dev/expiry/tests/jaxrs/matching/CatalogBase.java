package dev.expiry.tests.jaxrs.matching;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Resource methods that {@link CatalogResource} inherits; abstract, so never a resource itself. */
public abstract class CatalogBase {

  @GET
  @Path("{sku}")
  public String item(@PathParam("sku") String sku) {
    return "item " + sku;
  }
}
