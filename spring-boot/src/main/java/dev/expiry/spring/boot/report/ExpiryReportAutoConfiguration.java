package dev.expiry.spring.boot.report;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The two readers of the policy reports in a Spring Boot application, each there only with the
 * library it serves (the starter depends on neither): with Spring Boot Actuator, the {@code expiry}
 * endpoint ({@link ExpiryEndpoint}), available as Actuator's endpoints are, so off the web until
 * {@code management.endpoints.web.exposure.include} names it; with springdoc-openapi, Expiry's
 * answers in the OpenAPI document ({@link ExpiryOpenApiCustomizer}). Both read one {@link
 * ExpiryReports} from the application's class loader, on first use. With {@code
 * expiry.enabled=false} neither is there.
 */
@AutoConfiguration
@ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
@ConditionalOnBooleanProperty(name = "expiry.enabled", matchIfMissing = true)
public final class ExpiryReportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ExpiryReports expiryReports(ApplicationContext context) {
    ClassLoader loader = context.getClassLoader();
    return new ExpiryReports(loader != null ? loader : ClassUtils.getDefaultClassLoader());
  }

  /** {@code /actuator/expiry}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  static class EndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    ExpiryEndpoint expiryEndpoint(ExpiryReports reports) {
      return new ExpiryEndpoint(reports);
    }
  }

  /** Expiry's answers in springdoc-openapi's document of the Spring MVC handlers. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = {
      "org.springdoc.core.customizers.GlobalOperationComponentsCustomizer",
      "io.swagger.v3.oas.models.Operation",
      "org.springframework.web.method.HandlerMethod"})
  static class OpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ExpiryOpenApiCustomizer expiryOpenApiCustomizer(ExpiryReports reports) {
      return new ExpiryOpenApiCustomizer(reports);
    }
  }
}
