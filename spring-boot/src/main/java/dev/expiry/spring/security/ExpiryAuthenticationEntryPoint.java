package dev.expiry.spring.security;

import dev.expiry.Expired;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an expired bearer token with the endpoint's {@code on = ACCESS_TOKEN} policy. Spring
 * Security's resource server reports a JWT whose {@code exp} has passed as an {@link
 * OAuth2AuthenticationException} with the error {@code invalid_token}, caused by a {@link
 * JwtValidationException} whose error says the JWT expired (Spring Security's {@code
 * JwtTimestampValidator}). Every other failure (a bad signature, a malformed token, another
 * failed claim), and an expired token at an endpoint without such a policy, goes to the entry
 * point the application configured ({@code BearerTokenAuthenticationEntryPoint} by default).
 */
public final class ExpiryAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final AuthenticationEntryPoint delegate;

  /** Answers expired tokens with the endpoint's policy and hands the rest to {@code delegate}. */
  public ExpiryAuthenticationEntryPoint(AuthenticationEntryPoint delegate) {
    this.delegate = delegate;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException, ServletException {
    if (isExpiredToken(failure) && ExpiryResponses.send(request, response, Expired.ACCESS_TOKEN)) {
      return;
    }
    delegate.commence(request, response, failure);
  }

  /** Whether the failure is a JWT that failed validation because its {@code exp} has passed. */
  static boolean isExpiredToken(AuthenticationException failure) {
    if (!(failure instanceof OAuth2AuthenticationException oauth)
        || !OAuth2ErrorCodes.INVALID_TOKEN.equals(oauth.getError().getErrorCode())) {
      return false;
    }
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof JwtValidationException invalid) {
        for (OAuth2Error error : invalid.getErrors()) {
          String description = error.getDescription();
          // JwtTimestampValidator: "Jwt expired at <instant>"; "Jwt used before" is nbf, not expiry.
          if (description != null && description.toLowerCase(Locale.ROOT).contains("expired")) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** The entry point this one hands other failures to. */
  public AuthenticationEntryPoint delegate() {
    return delegate;
  }
}
