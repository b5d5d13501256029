package dev.expiry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.runtime.ExpiryFilter;
import dev.expiry.spring.security.ExpiryAccessDeniedHandler;
import dev.expiry.spring.security.ExpiryConfigurer;
import dev.expiry.spring.security.ExpirySecurityFilter;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
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
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
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
  void withoutSpringBootOneLineAppliesIt() {
    web.withUserConfiguration(OneLine.class).withPropertyValues("expiry.security.enabled=false").run(context -> {
      assertTrue(context.getStartupFailure() == null, () -> String.valueOf(context.getStartupFailure()));
      SecurityFilterChain chain = context.getBean(SecurityFilterChain.class);
      List<Class<?>> types = chain.getFilters().stream().<Class<?>>map(Filter::getClass).toList();
      assertEquals(types.indexOf(CsrfFilter.class) - 1, types.indexOf(ExpirySecurityFilter.class), types::toString);
      CsrfFilter csrf = (CsrfFilter) chain.getFilters().get(types.indexOf(CsrfFilter.class));
      Object handler = field(csrf, "accessDeniedHandler");
      assertTrue(handler instanceof ExpiryAccessDeniedHandler, String.valueOf(handler));
      assertTrue(((ExpiryAccessDeniedHandler) handler).delegate() instanceof AccessDeniedHandlerImpl,
          "the handler Spring Security configured is kept as the fallback");
    });
  }

  @Test
  void theOneLineBesideTheStarterStillGivesOneFilter() {
    web.withUserConfiguration(OneLine.class).run(context -> {
      List<Filter> filters = context.getBean(SecurityFilterChain.class).getFilters();
      assertEquals(1, filters.stream().filter(ExpirySecurityFilter.class::isInstance).count(), filters::toString);
    });
  }

  @Test
  void startUpSaysWhereTheFilterSitsAndWarnsWhenItRunsBeforeSpringSession() {
    web.withConfiguration(AutoConfigurations.of(SessionAutoConfiguration.class))
        .withUserConfiguration(WithSpringSession.class)
        .withPropertyValues("expiry.filter-order=" + (Integer.MIN_VALUE + 10))
        .run(context -> {
          List<String> lines = context.getBean(ExpiryFilterPosition.class).describe();
          assertTrue(lines.get(0).startsWith("Expiry answers expired sessions in the servlet filter dev.expiry.ExpiryFilter"
              + " for every request, at order Integer.MIN_VALUE + 10"), lines::toString);
          assertTrue(lines.stream().anyMatch(l -> l.startsWith("!Expiry's filter (order Integer.MIN_VALUE + 10) runs before"
              + " Spring Session's SessionRepositoryFilter (order Integer.MIN_VALUE + 50)")), lines::toString);
        });
    web.withConfiguration(AutoConfigurations.of(SessionAutoConfiguration.class))
        .withUserConfiguration(WithSpringSession.class)
        .run(context -> {
          List<String> lines = context.getBean(ExpiryFilterPosition.class).describe();
          assertEquals(List.of("Expiry answers expired sessions in the servlet filter dev.expiry.ExpiryFilter for every"
              + " request, at order -110 (expiry.filter-order): after Spring Session's SessionRepositoryFilter (order"
              + " Integer.MIN_VALUE + 50)"), lines);
        });
  }

  @Test
  void startUpNamesTheChainsAndTheFiltersAroundExpiry() {
    web.withUserConfiguration(WithWebSecurity.class).run(context -> {
      List<String> lines = context.getBean(ExpiryFilterPosition.class).describe();
      assertTrue(lines.contains("Expiry answers inside Spring Security's filter chain \"pages\": after"
          + " DisableEncodeUrlFilter, WebAsyncManagerIntegrationFilter, SecurityContextHolderFilter, HeaderWriterFilter;"
          + " before CsrfFilter, LogoutFilter, UsernamePasswordAuthenticationFilter, DefaultResourcesFilter,"
          + " DefaultLoginPageGeneratingFilter, DefaultLogoutPageGeneratingFilter, RequestCacheAwareFilter,"
          + " SecurityContextHolderAwareRequestFilter, AnonymousAuthenticationFilter, ExceptionTranslationFilter"),
          lines::toString);
      assertTrue(lines.stream().noneMatch(l -> l.startsWith("!")), lines::toString);
    });
  }

  private static Object field(Object target, String name) {
    java.lang.reflect.Field field = org.springframework.util.ReflectionUtils.findField(target.getClass(), name);
    org.springframework.util.ReflectionUtils.makeAccessible(field);
    return org.springframework.util.ReflectionUtils.getField(field, target);
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

  /** A chain that applies Expiry itself, as an application without Spring Boot does. */
  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class OneLine {

    @Bean
    SecurityFilterChain chain(HttpSecurity http) {
      return http.with(ExpiryConfigurer.expiry(), Customizer.withDefaults()).build();
    }
  }

  /** Spring Session, in memory. */
  @Configuration(proxyBeanMethods = false)
  @EnableSpringHttpSession
  static class WithSpringSession {

    @Bean
    MapSessionRepository sessionRepository() {
      return new MapSessionRepository(new java.util.concurrent.ConcurrentHashMap<>());
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
