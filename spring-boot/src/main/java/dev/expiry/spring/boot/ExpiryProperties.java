package dev.expiry.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Expiry's settings in a Spring Boot application, under {@code expiry.*}. Applications without
 * Spring Boot use the context init parameters instead ({@code dev.expiry.clearStaleCookie}, ...).
 */
@ConfigurationProperties("expiry")
public class ExpiryProperties {

  /**
   * The default {@link #getFilterOrder() filter order}: after Spring Session's {@code
   * SessionRepositoryFilter} ({@code Integer.MIN_VALUE + 50}) and the other request-wrapping
   * filters Spring Boot registers ahead of it, before Spring Security's filter chain ({@code
   * spring.security.filter.order}, -100).
   */
  public static final int DEFAULT_FILTER_ORDER = -110;

  /** Whether Expiry answers expired sessions and tokens with the endpoints' declared policies. */
  private boolean enabled = true;

  /**
   * Whether an answer to an expired session also deletes the stale session cookie (the
   * container's, or Spring Session's from its CookieSerializer).
   */
  private boolean clearStaleCookie = true;

  /**
   * Order of the ExpiryFilter servlet filter, registered for every request when Expiry does not
   * run inside Spring Security's filter chains (no Spring Security, or
   * expiry.security.enabled=false). Keep it after Spring Session's filter and before Spring
   * Security's.
   */
  private int filterOrder = DEFAULT_FILTER_ORDER;

  private final Security security = new Security();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isClearStaleCookie() {
    return clearStaleCookie;
  }

  public void setClearStaleCookie(boolean clearStaleCookie) {
    this.clearStaleCookie = clearStaleCookie;
  }

  public int getFilterOrder() {
    return filterOrder;
  }

  public void setFilterOrder(int filterOrder) {
    this.filterOrder = filterOrder;
  }

  public Security getSecurity() {
    return security;
  }

  /** The Spring Security integration. */
  public static class Security {

    /**
     * Whether Expiry runs inside each of the application's SecurityFilterChains (after its
     * HeaderWriterFilter, before CSRF, authentication and session management) and answers Spring
     * Security's CSRF, expired-JWT and concurrent-session denials with the endpoints' policies.
     * When false, Spring Security's chains are left as they are and ExpiryFilter is registered
     * as a servlet filter at expiry.filter-order instead.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
