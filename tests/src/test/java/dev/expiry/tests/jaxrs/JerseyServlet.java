package dev.expiry.tests.jaxrs;

import dev.expiry.tests.jaxrs.matching.CartsResource;
import dev.expiry.tests.jaxrs.matching.CatalogResource;
import dev.expiry.tests.jaxrs.matching.ReportsResource;
import dev.expiry.tests.jaxrs.matching.TicketsResource;
import dev.expiry.tests.jaxrs.plain.PlainResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey's servlet with this application's resources, listing no provider: Expiry's feature comes
 * through Jersey's auto-discovery. The runtime recognizes the servlet by its superclass.
 */
public class JerseyServlet extends ServletContainer {

  public JerseyServlet() {
    super(new ResourceConfig(OrdersResource.class, ProfileResource.class, TokensResource.class,
        PlainResource.class, CartsResource.class, CatalogResource.class, TicketsResource.class,
        ReportsResource.class));
  }
}
