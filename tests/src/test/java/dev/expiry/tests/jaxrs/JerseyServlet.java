package dev.expiry.tests.jaxrs;

import dev.expiry.tests.jaxrs.plain.PlainResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jersey's servlet with this application's resources; the runtime recognizes it by its superclass. */
public class JerseyServlet extends ServletContainer {

  public JerseyServlet() {
    super(new ResourceConfig(OrdersResource.class, ProfileResource.class, PlainResource.class));
  }
}
