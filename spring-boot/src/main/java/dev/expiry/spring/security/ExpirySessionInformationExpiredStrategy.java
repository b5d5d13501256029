package dev.expiry.spring.security;

import dev.expiry.Expired;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * Answers a session that Spring Security's concurrency control expired ({@code
 * maximumSessions(n)}: the user logged in elsewhere) with the endpoint's {@code SESSION} policy,
 * as any other expired session, instead of Spring Security's 200 with a line of text. By then
 * Spring Security has logged the session out. An endpoint without a {@code SESSION} policy gets
 * the strategy the application configured ({@code expiredUrl}, {@code expiredSessionStrategy},
 * or Spring Security's default).
 */
public final class ExpirySessionInformationExpiredStrategy implements SessionInformationExpiredStrategy {

  private final SessionInformationExpiredStrategy delegate;
  private final RequestCache returnTo;

  /** Answers with the endpoint's policy and hands endpoints without one to {@code delegate}. */
  public ExpirySessionInformationExpiredStrategy(SessionInformationExpiredStrategy delegate) {
    this(delegate, null);
  }

  /**
   * As {@link #ExpirySessionInformationExpiredStrategy(SessionInformationExpiredStrategy)}, and a
   * browser redirected to the login page returns to its page after logging in where {@code
   * returnTo} keeps saved requests in a cookie (see {@link ReturnAfterLogin}).
   */
  ExpirySessionInformationExpiredStrategy(SessionInformationExpiredStrategy delegate, RequestCache returnTo) {
    this.delegate = delegate;
    this.returnTo = ReturnAfterLogin.usable(returnTo);
  }

  @Override
  public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException, ServletException {
    HttpServletResponse response = ReturnAfterLogin.saving(event.getRequest(), event.getResponse(), returnTo);
    if (ExpiryResponses.send(event.getRequest(), response, Expired.SESSION)) {
      return;
    }
    delegate.onExpiredSessionDetected(event);
  }

  /** The strategy this one hands endpoints without a policy to. */
  public SessionInformationExpiredStrategy delegate() {
    return delegate;
  }
}
