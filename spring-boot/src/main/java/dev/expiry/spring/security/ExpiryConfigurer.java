package dev.expiry.spring.security;

import jakarta.servlet.Filter;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Puts Expiry into a Spring Security filter chain. Spring Boot applications get it on every
 * {@code SecurityFilterChain} built from Spring Security's {@code HttpSecurity} through {@code
 * expiry-spring-boot-starter}; without Spring Boot, one line applies it:
 *
 * <pre>{@code
 * http.with(ExpiryConfigurer.expiry(), Customizer.withDefaults());
 * }</pre>
 *
 * <p>It adds {@link ExpirySecurityFilter} after the chain's {@code HeaderWriterFilter} and {@code
 * CorsFilter} and before its {@code CsrfFilter} (so before logout, authentication and session
 * management too), and it hands Spring Security's own expiry answers to the endpoint's policy,
 * each falling back to what the application configured:
 *
 * <ul>
 *   <li>the {@code CsrfFilter}'s access-denied handler, through {@link ExpiryAccessDeniedHandler};
 *   <li>the resource server's entry point for bearer tokens ({@code oauth2ResourceServer}), through
 *       {@link ExpiryAuthenticationEntryPoint};
 *   <li>the expired-session strategy of concurrency control ({@code maximumSessions}), through
 *       {@link ExpirySessionInformationExpiredStrategy}.
 * </ul>
 *
 * <p>Where the chain keeps saved requests in a cookie ({@code CookieRequestCache}), a browser that
 * Expiry redirects to the login page is returned to the page it asked for once it has logged in
 * again (see {@link ReturnAfterLogin}); with Spring Security's session-based default, it is not,
 * as Expiry never creates a session.
 *
 * <p>Those filters are created by Spring Security's configurers, which keep what the application
 * configured to themselves; the configurer takes each filter's handler as the configurers set it
 * (an object post-processor, then the filter's field) and replaces it through the filter's setter.
 * Where a Spring Security version keeps it elsewhere, that expiry keeps Spring Security's answer
 * and a warning says so. A chain that disables CSRF, has no resource server or no concurrency
 * control simply has nothing to hand over there.
 */
public final class ExpiryConfigurer extends AbstractHttpConfigurer<ExpiryConfigurer, HttpSecurity> {

  private static final System.Logger LOG = System.getLogger(ExpiryConfigurer.class.getName());

  private static final boolean RESOURCE_SERVER = present(
      "org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter")
      && present("org.springframework.security.oauth2.jwt.JwtValidationException")
      && present("org.springframework.security.config.annotation.web.configurers.oauth2.server.resource."
          + "OAuth2ResourceServerConfigurer");

  /** Use {@link #expiry()}. */
  public ExpiryConfigurer() {}

  /** The configurer, for {@code http.with(ExpiryConfigurer.expiry(), Customizer.withDefaults())}. */
  public static ExpiryConfigurer expiry() {
    return new ExpiryConfigurer();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void init(HttpSecurity http) {
    // Runs once the application's own configuration is complete, before any configurer builds
    // its filter: the post-processors below see the filters as the application configured them.
    CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
    if (csrf != null) {
      csrf.withObjectPostProcessor(new CsrfDenials());
    }
    SessionManagementConfigurer<HttpSecurity> sessions = http.getConfigurer(SessionManagementConfigurer.class);
    if (sessions != null) {
      sessions.withObjectPostProcessor(new ConcurrentSessionExpiries(http));
    }
    if (RESOURCE_SERVER) {
      BearerTokens.apply(http);
    }
  }

  @Override
  public void configure(HttpSecurity http) {
    http.addFilterBefore(new ExpirySecurityFilter(returnTo(http)), CsrfFilter.class);
  }

  /** The chain's request cache, where Expiry can save requests through it (see {@link ReturnAfterLogin}). */
  private static RequestCache returnTo(HttpSecurity http) {
    return ReturnAfterLogin.usable(http.getSharedObject(RequestCache.class));
  }

  /** Hands the CSRF filter's denials to {@link ExpiryAccessDeniedHandler}. */
  private static final class CsrfDenials implements ObjectPostProcessor<CsrfFilter> {
    @Override
    public <O extends CsrfFilter> O postProcess(O filter) {
      AccessDeniedHandler configured = read(filter, CsrfFilter.class, "accessDeniedHandler", AccessDeniedHandler.class);
      if (configured != null && !(configured instanceof ExpiryAccessDeniedHandler)) {
        filter.setAccessDeniedHandler(new ExpiryAccessDeniedHandler(configured));
      }
      return filter;
    }
  }

  /** Hands sessions that concurrency control expired to {@link ExpirySessionInformationExpiredStrategy}. */
  private static final class ConcurrentSessionExpiries implements ObjectPostProcessor<ConcurrentSessionFilter> {

    private final HttpSecurity http;

    ConcurrentSessionExpiries(HttpSecurity http) {
      this.http = http;
    }

    @Override
    public <O extends ConcurrentSessionFilter> O postProcess(O filter) {
      String field = "sessionInformationExpiredStrategy";
      SessionInformationExpiredStrategy configured = read(filter, ConcurrentSessionFilter.class, field,
          SessionInformationExpiredStrategy.class);
      if (configured != null && !(configured instanceof ExpirySessionInformationExpiredStrategy)) {
        // ConcurrentSessionFilter takes its strategy in its constructor only.
        write(filter, ConcurrentSessionFilter.class, field, new ExpirySessionInformationExpiredStrategy(configured,
            returnTo(http)));
      }
      return filter;
    }
  }

  /** The resource server's part, loaded only when Spring Security's resource server is present. */
  private static final class BearerTokens implements ObjectPostProcessor<BearerTokenAuthenticationFilter> {

    @SuppressWarnings("unchecked")
    static void apply(HttpSecurity http) {
      OAuth2ResourceServerConfigurer<HttpSecurity> server = http.getConfigurer(OAuth2ResourceServerConfigurer.class);
      if (server != null) {
        server.withObjectPostProcessor(new BearerTokens());
      }
    }

    @Override
    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
      AuthenticationEntryPoint configured = read(filter, BearerTokenAuthenticationFilter.class,
          "authenticationEntryPoint", AuthenticationEntryPoint.class);
      if (configured != null && !(configured instanceof ExpiryAuthenticationEntryPoint)) {
        filter.setAuthenticationEntryPoint(new ExpiryAuthenticationEntryPoint(configured));
      }
      return filter;
    }
  }

  private static <T> T read(Filter filter, Class<?> declaring, String name, Class<T> type) {
    Field field = field(declaring, name, type);
    if (field == null) {
      return null;
    }
    try {
      return type.cast(field.get(filter));
    } catch (IllegalAccessException | RuntimeException e) {
      unavailable(declaring, name, e);
      return null;
    }
  }

  private static void write(Filter filter, Class<?> declaring, String name, Object value) {
    Field field = field(declaring, name, value.getClass());
    if (field == null) {
      return;
    }
    try {
      field.set(filter, value);
    } catch (IllegalAccessException | RuntimeException e) {
      unavailable(declaring, name, e);
    }
  }

  private static Field field(Class<?> declaring, String name, Class<?> type) {
    Field field = ReflectionUtils.findField(declaring, name);
    if (field == null || !field.getType().isAssignableFrom(type) && !type.isAssignableFrom(field.getType())) {
      unavailable(declaring, name, null);
      return null;
    }
    try {
      ReflectionUtils.makeAccessible(field);
      return field;
    } catch (RuntimeException e) {
      unavailable(declaring, name, e);
      return null;
    }
  }

  private static void unavailable(Class<?> declaring, String name, Exception e) {
    LOG.log(Level.WARNING, "Expiry cannot hand " + declaring.getSimpleName() + "'s answers to the endpoints'"
        + " policies in this Spring Security version (no field \"" + name + "\" it can use); that filter"
        + " keeps Spring Security's own answer", e);
  }

  private static boolean present(String className) {
    return ClassUtils.isPresent(className, ExpiryConfigurer.class.getClassLoader());
  }
}
