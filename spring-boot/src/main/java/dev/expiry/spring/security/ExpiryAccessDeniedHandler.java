package dev.expiry.spring.security;

import dev.expiry.Expired;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers Spring Security's CSRF denials with the endpoint's policy. A {@link CsrfException}
 * (missing or invalid token) gets the endpoint's {@code SESSION} policy when the request's session
 * expired (the token lived in that session, so the form was bound to fail) and the endpoint
 * declares one, else its {@code on = CSRF_TOKEN} policy. Every other denial, and a CSRF denial at
 * an endpoint that declares neither, goes to the handler the application configured.
 */
public final class ExpiryAccessDeniedHandler implements AccessDeniedHandler {

  private final AccessDeniedHandler delegate;

  /** Answers CSRF denials with the endpoint's policy and hands the rest to {@code delegate}. */
  public ExpiryAccessDeniedHandler(AccessDeniedHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (denied instanceof CsrfException && answer(request, response)) {
      return;
    }
    delegate.handle(request, response, denied);
  }

  private static boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
        && ExpiryResponses.send(request, response, Expired.SESSION)) {
      return true;
    }
    return ExpiryResponses.send(request, response, Expired.CSRF_TOKEN);
  }

  /** The handler this one hands other denials to. */
  public AccessDeniedHandler delegate() {
    return delegate;
  }
}
