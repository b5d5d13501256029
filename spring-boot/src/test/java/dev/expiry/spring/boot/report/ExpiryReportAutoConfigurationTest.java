package dev.expiry.spring.boot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** When the endpoint and the OpenAPI customizer are there, and which class loader they read. */
class ExpiryReportAutoConfigurationTest {

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ExpiryReportAutoConfiguration.class));

  @Test
  void theEndpointIsThereOnlyWhenExposedAsActuatorsEndpointsAre() {
    web.run(context -> {
      assertFalse(context.containsBean("expiryEndpoint"), "not exposed: no bean");
      assertTrue(context.getBeansOfType(ExpiryReports.class).size() == 1);
    });
    web.withPropertyValues("management.endpoints.web.exposure.include=health,expiry")
        .run(context -> assertEquals(1, context.getBeansOfType(ExpiryEndpoint.class).size()));
    web.withPropertyValues("management.endpoints.web.exposure.include=*",
            "management.endpoint.expiry.access=NONE")
        .run(context -> assertTrue(context.getBeansOfType(ExpiryEndpoint.class).isEmpty()));
  }

  @Test
  void withoutActuatorThereIsNoEndpoint() {
    web.withPropertyValues("management.endpoints.web.exposure.include=expiry")
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .run(context -> {
          assertTrue(context.getBeansOfType(ExpiryEndpoint.class).isEmpty());
          assertEquals(1, context.getBeansOfType(ExpiryOpenApiCustomizer.class).size());
        });
  }

  @Test
  void theOpenApiCustomizerIsThereWithSpringdocInAServletApplication() {
    web.run(context -> assertEquals(1, context.getBeansOfType(ExpiryOpenApiCustomizer.class).size()));
    web.withClassLoader(new FilteredClassLoader("org.springdoc"))
        .run(context -> assertTrue(context.getBeansOfType(ExpiryOpenApiCustomizer.class).isEmpty()));
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ExpiryReportAutoConfiguration.class))
        .run(context -> assertTrue(context.getBeansOfType(ExpiryOpenApiCustomizer.class).isEmpty()));
  }

  @Test
  void expiryEnabledFalseOrNoJackson3LeavesBothOut() {
    web.withPropertyValues("expiry.enabled=false", "management.endpoints.web.exposure.include=expiry")
        .run(context -> assertTrue(context.getBeansOfType(ExpiryReports.class).isEmpty()));
    web.withPropertyValues("management.endpoints.web.exposure.include=expiry")
        .withClassLoader(new FilteredClassLoader("tools.jackson"))
        .run(context -> {
          assertTrue(context.getBeansOfType(ExpiryEndpoint.class).isEmpty());
          assertTrue(context.getBeansOfType(ExpiryOpenApiCustomizer.class).isEmpty());
        });
  }

  @Test
  void theReportsAreReadFromTheApplicationsClassLoader(@TempDir Path dir) throws IOException {
    URL[] jars = {Reports.jar(dir, "broken.jar", "broken-report.json").toUri().toURL(),
        Reports.jar(dir, "shop.jar", "shop-report.json").toUri().toURL()};
    try (var loader = new URLClassLoader(jars, getClass().getClassLoader())) {
      web.withClassLoader(loader).withPropertyValues("management.endpoints.web.exposure.include=expiry")
          .run(context -> {
            assertTrue(context.isActive(), "a broken report does not stop the application");
            List<?> sources = (List<?>) context.getBean(ExpiryEndpoint.class).report().get("sources");
            assertTrue(sources.contains("shop.jar") && !sources.contains("broken.jar"), sources::toString);
          });
    }
  }
}
