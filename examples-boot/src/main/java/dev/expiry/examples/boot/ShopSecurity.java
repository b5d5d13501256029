package dev.expiry.examples.boot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Spring Security as a shop configures it, and nothing about Expiry: the starter adds Expiry to
 * both chains.
 */
@Configuration(proxyBeanMethods = false)
public class ShopSecurity {

  /** {@code /api/stock}: a stateless resource server that takes JWT bearer tokens. */
  @Bean
  @Order(1)
  SecurityFilterChain tokenApi(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/api/stock/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
        .build();
  }

  /**
   * Everything else: pages and their API behind Spring Security's login page, CSRF on (the token
   * lives in the session), one session per user. Saved requests live in a cookie, so a browser
   * that Expiry sends to the login page comes back to the page it asked for after logging in.
   *
   * <p>The OpenAPI document (with Swagger UI) and {@code /actuator/expiry} are open, so that the
   * example's policies can be read without logging in. A real shop keeps {@code /actuator} behind
   * its authentication (the report names every endpoint and its answers) and decides for its API
   * document as for its API.
   */
  @Bean
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/error").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/actuator/expiry").permitAll()
            // Expiry's client script, from expiry-runtime's META-INF/resources: a page that
            // includes it must get it whether or not its session is still alive.
            .requestMatchers("/expiry/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
        .sessionManagement(sessions -> sessions.maximumSessions(1))
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("alice").password("{noop}password").roles("USER").build(),
        User.withUsername("bob").password("{noop}password").roles("USER").build());
  }

  @Bean
  JwtDecoder jwtDecoder(ShopTokens tokens) {
    return NimbusJwtDecoder.withSecretKey(tokens.key()).macAlgorithm(MacAlgorithm.HS256).build();
  }

  /** Tells concurrency control when a session ends. */
  @Bean
  HttpSessionEventPublisher sessionEvents() {
    return new HttpSessionEventPublisher();
  }
}
