package dev.expiry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.runtime.ExpiryFilter;
import dev.expiry.spring.security.ExpirySecurityFilter;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.CorsFilter;

/** Which beans the auto-configuration contributes, with and without Spring Security. */
class ExpiryAutoConfigurationTest {

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ExpiryAutoConfiguration.class));

  @Test
  void withoutSpringSecurityTheFilterIsAServletFilterForEveryRequestBeforeSpringSecuritysOrder() {
    web.run(context -> {
      FilterRegistrationBean<?> registration = context.getBean("expiryFilterRegistration", FilterRegistrationBean.class);
      assertTrue(registration.getFilter() instanceof ExpiryFilter);
      assertEquals(ExpiryFilter.NAME, registration.getFilterName());
      assertEquals(List.of("/*"), List.copyOf(registration.getUrlPatterns()));
      assertEquals(-110, registration.getOrder());
      assertTrue(registration.getOrder() > Integer.MIN_VALUE + 50, "after SessionRepositoryFilter");
      assertTrue(registration.getOrder() < -100, "before Spring Security's filter chain");
      assertFalse(context.containsBean("expiryHttpSecurityCustomizer"));
    });
  }

  @Test
  void theOrderIsAProperty() {
    web.withPropertyValues("expiry.filter-order=-500").run(context ->
        assertEquals(-500, context.getBean("expiryFilterRegistration", FilterRegistrationBean.class).getOrder()));
  }

  @Test
  void expiryEnabledFalseContributesNothing() {
    web.withPropertyValues("expiry.enabled=false").run(context -> {
      assertFalse(context.containsBean("expiryFilterRegistration"));
      assertFalse(context.containsBean("expiryServletContextInitializer"));
      assertTrue(context.getBeansOfType(ExpiryProperties.class).isEmpty());
    });
  }

  @Test
  void notInAnApplicationThatIsNoServletWebApplication() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ExpiryAutoConfiguration.class))
        .run(context -> assertTrue(context.getBeansOfType(ExpiryProperties.class).isEmpty()));
  }

  @Test
  void withoutSpringSecurityOrSpringSessionClassesNothingFails() {
    web.withClassLoader(new FilteredClassLoader("org.springframework.security.", "org.springframework.session."))
        .run(context -> {
          assertTrue(context.getStartupFailure() == null, () -> String.valueOf(context.getStartupFailure()));
          assertTrue(context.containsBean("expiryFilterRegistration"));
          assertFalse(context.containsBean("expiryHttpSecurityCustomizer"));
          assertFalse(context.containsBean("expirySpringSessionCookie"));
        });
  }

  @Test
  void withSpringSecurityExpiryJoinsEachChainAfterTheHeaderWriterAndBeforeCsrfAndIsNoServletFilter() {
    web.withUserConfiguration(WithWebSecurity.class).run(context -> {
      assertTrue(context.getStartupFailure() == null, () -> String.valueOf(context.getStartupFailure()));
      assertTrue(context.containsBean("expiryHttpSecurityCustomizer"));
      assertFalse(context.containsBean("expiryFilterRegistration"));
      for (SecurityFilterChain chain : context.getBeansOfType(SecurityFilterChain.class).values()) {
        List<Class<?>> types = chain.getFilters().stream().<Class<?>>map(Filter::getClass).toList();
        int expiry = types.indexOf(ExpirySecurityFilter.class);
        assertTrue(expiry > types.indexOf(HeaderWriterFilter.class) && types.indexOf(HeaderWriterFilter.class) >= 0, types::toString);
        assertTrue(expiry > types.indexOf(CorsFilter.class), types::toString);
        assertEquals(types.indexOf(CsrfFilter.class) - 1, expiry, types::toString);
        assertEquals(1, types.stream().filter(ExpirySecurityFilter.class::equals).count(), types::toString);
      }
      assertEquals(2, context.getBeansOfType(SecurityFilterChain.class).size());
    });
  }

  @Test
  void theSecurityIntegrationCanBeSwitchedOffAndTheServletFilterTakesOver() {
    web.withUserConfiguration(WithWebSecurity.class).withPropertyValues("expiry.security.enabled=false").run(context -> {
      assertFalse(context.containsBean("expiryHttpSecurityCustomizer"));
      assertTrue(context.containsBean("expiryFilterRegistration"));
      for (SecurityFilterChain chain : context.getBeansOfType(SecurityFilterChain.class).values()) {
        assertTrue(chain.getFilters().stream().noneMatch(ExpirySecurityFilter.class::isInstance));
      }
    });
  }

  @Test
  void thePropertiesHaveConfigurationMetadata() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String name : List.of("expiry.enabled", "expiry.clear-stale-cookie", "expiry.filter-order",
          "expiry.security.enabled")) {
        assertTrue(metadata.contains("\"name\": \"" + name + "\""), () -> name + " in " + metadata);
      }
      assertTrue(metadata.contains("\"defaultValue\": -110"), metadata);
    }
  }

  /** Two chains built from Spring Security's HttpSecurity, one CORS-enabled. */
  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class WithWebSecurity {

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http) {
      return http.securityMatcher("/api/**")
          .cors(cors -> cors.configurationSource(request -> new org.springframework.web.cors.CorsConfiguration()))
          .build();
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http) {
      return http.formLogin(Customizer.withDefaults()).build();
    }
  }
}
