package dev.expiry.spring.boot;

import dev.expiry.runtime.ExpiryFilter;
import dev.expiry.runtime.StaleSessionCookie;
import dev.expiry.spring.security.ExpiryConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Expiry in a Spring Boot servlet application, with nothing to configure.
 *
 * <ul>
 *   <li>With Spring Security, {@link ExpiryConfigurer} joins every {@code SecurityFilterChain}
 *       built from {@code HttpSecurity} (a {@code Customizer<HttpSecurity>} bean, which Spring
 *       Security applies to each {@code HttpSecurity} it creates): Expiry answers inside the chain,
 *       after its {@code HeaderWriterFilter}, so its answers carry Spring Security's headers, and
 *       before CSRF, authentication and session management, so an expired session gets the
 *       endpoint's policy; Spring Security's CSRF, expired-JWT and concurrent-session answers go
 *       to the endpoint's policy too. The filter is not also registered with the container.
 *   <li>Without Spring Security (or with {@code expiry.security.enabled=false}), {@link
 *       ExpiryFilter} is a servlet filter for every request at {@code expiry.filter-order}: after
 *       Spring Session's {@code SessionRepositoryFilter}, so it sees the sessions Spring Session
 *       manages, and before Spring Security's filter chain.
 *   <li>With Spring Session, the stale {@code SESSION} cookie is deleted as Spring Session's
 *       {@code HttpSessionIdResolver} deletes it, with the name and attributes of its {@code
 *       CookieSerializer}.
 * </ul>
 *
 * <p>Where the filter sits relative to Spring Session's and Spring Security's filters is logged at
 * start-up by {@code dev.expiry.spring.boot.ExpiryFilterPosition} ({@code logging.level.dev.expiry}
 * tunes it).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ExpiryFilter.class)
@ConditionalOnBooleanProperty(name = "expiry.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ExpiryProperties.class)
public final class ExpiryAutoConfiguration {

  /** The context init parameter of {@code expiry-runtime} that keeps the stale session cookie. */
  static final String CLEAR_STALE_COOKIE = "dev.expiry.clearStaleCookie";

  private static final System.Logger LOG = System.getLogger(ExpiryAutoConfiguration.class.getName());

  /** Applies the properties the runtime reads from the servlet context before it first answers. */
  @Bean
  ServletContextInitializer expiryServletContextInitializer(ExpiryProperties properties,
      ObjectProvider<StaleSessionCookie> sessionCookie) {
    return context -> {
      if (!properties.isClearStaleCookie()) {
        setInitParameter(context, CLEAR_STALE_COOKIE, "false");
      }
      StaleSessionCookie cookie = sessionCookie.getIfUnique();
      if (cookie != null) {
        context.setAttribute(StaleSessionCookie.ATTRIBUTE, cookie);
      }
    };
  }

  private static void setInitParameter(ServletContext context, String name, String value) {
    if (!context.setInitParameter(name, value) && !value.equals(context.getInitParameter(name))) {
      LOG.log(Level.WARNING, "Expiry: the context init parameter " + name + "=" + context.getInitParameter(name)
          + " is set elsewhere and wins over expiry.clear-stale-cookie");
    }
  }

  @Bean
  static ExpiryFilterPosition expiryFilterPosition(ListableBeanFactory beans) {
    return new ExpiryFilterPosition(beans);
  }

  /** ExpiryFilter as a servlet filter, where it does not run inside Spring Security's chains. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OutsideSecurityChains.class)
  static class ServletFilterConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "expiryFilterRegistration")
    FilterRegistrationBean<ExpiryFilter> expiryFilterRegistration(ExpiryProperties properties) {
      FilterRegistrationBean<ExpiryFilter> registration = new FilterRegistrationBean<>(new ExpiryFilter());
      registration.setName(ExpiryFilter.NAME);
      registration.addUrlPatterns("/*");
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      registration.setAsyncSupported(true);
      registration.setOrder(properties.getFilterOrder());
      return registration;
    }
  }

  /** ExpiryFilter and Spring Security's expiry answers, inside each of Spring Security's chains. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(InsideSecurityChains.class)
  static class SecurityChainConfiguration {

    @Bean
    Customizer<HttpSecurity> expiryHttpSecurityCustomizer() {
      return http -> http.with(ExpiryConfigurer.expiry(), Customizer.withDefaults());
    }
  }

  /** Spring Session's cookie, deleted as Spring Session deletes it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.session.web.http.SessionRepositoryFilter")
  @ConditionalOnBean(type = "org.springframework.session.web.http.SessionRepositoryFilter")
  static class SpringSessionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StaleSessionCookie expirySpringSessionCookie(ObjectProvider<HttpSessionIdResolver> resolvers,
        ObjectProvider<CookieSerializer> serializers) {
      // The resolver SessionRepositoryFilter uses: Spring Session takes the application's
      // HttpSessionIdResolver bean, else a cookie resolver with its CookieSerializer bean.
      HttpSessionIdResolver resolver = resolvers.getIfUnique(() -> {
        CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
        cookies.setCookieSerializer(serializers.getIfUnique(DefaultCookieSerializer::new));
        return cookies;
      });
      return (request, response) -> {
        if (!resolver.resolveSessionIds(request).isEmpty()) {
          resolver.expireSession(request, response);
        }
      };
    }
  }

  /**
   * Spring Security is present, its {@code HttpSecurity} is defined, and the integration is not
   * switched off.
   */
  static final class InsideSecurityChains extends AllNestedConditions {

    InsideSecurityChains() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnClass(name = {
        "org.springframework.security.config.annotation.web.builders.HttpSecurity",
        "org.springframework.security.web.SecurityFilterChain"})
    static class SpringSecurityPresent {}

    @ConditionalOnBean(type = "org.springframework.security.config.annotation.web.builders.HttpSecurity")
    static class HttpSecurityDefined {}

    @ConditionalOnBooleanProperty(name = "expiry.security.enabled", matchIfMissing = true)
    static class IntegrationOn {}
  }

  /** The opposite of {@link InsideSecurityChains}. */
  static final class OutsideSecurityChains extends NoneNestedConditions {

    OutsideSecurityChains() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @Conditional(InsideSecurityChains.class)
    static class Inside {}
  }
}
