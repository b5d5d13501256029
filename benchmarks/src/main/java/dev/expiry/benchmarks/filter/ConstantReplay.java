package dev.expiry.benchmarks.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SessionManagementFilter;

/**
 * The lower bound of an expired-session answer: Spring Security 7's {@link SessionManagementFilter}
 * with an {@link InvalidSessionStrategy} that replays the response {@code ExpiryFilter} wrote once
 * (status, challenge, headers, cookie deletion, body) from constants. It decides nothing per
 * request (not the kind of client, not the body's format, not the {@code instance}), so no filter
 * that writes the same answer can be much faster.
 */
public final class ConstantReplay {

  private ConstantReplay() {}

  static SessionManagementFilter sessionManagementFilter(ExpiredAnswer answer) {
    return NoContextRepository.sessionManagementFilter(new ReplayStrategy(answer));
  }

  /** Writes Expiry's response (401, the challenge and the rest) from constants. */
  static final class ReplayStrategy implements InvalidSessionStrategy {
    private final ExpiredAnswer answer;

    ReplayStrategy(ExpiredAnswer answer) {
      this.answer = answer;
    }

    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", OrdersServlet.CHALLENGE);
      answer.writeRest(response);
    }
  }
}
