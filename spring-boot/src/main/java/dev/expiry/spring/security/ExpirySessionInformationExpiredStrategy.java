package dev.expiry.spring.security;

import dev.expiry.Expired;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.ServletException;
import java.io.IOException;
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

  /** Answers with the endpoint's policy and hands endpoints without one to {@code delegate}. */
  public ExpirySessionInformationExpiredStrategy(SessionInformationExpiredStrategy delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException, ServletException {
    if (ExpiryResponses.send(event.getRequest(), event.getResponse(), Expired.SESSION)) {
      return;
    }
    delegate.onExpiredSessionDetected(event);
  }

  /** The strategy this one hands endpoints without a policy to. */
  public SessionInformationExpiredStrategy delegate() {
    return delegate;
  }
}
