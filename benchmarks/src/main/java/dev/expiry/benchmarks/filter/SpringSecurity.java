package dev.expiry.benchmarks.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SessionManagementFilter;

/**
 * Spring Security 7's answer to an expired session: {@link SessionManagementFilter} with an {@link
 * InvalidSessionStrategy} that writes the same response as Expiry (captured from it once, written
 * from constants).
 *
 * <p>The filter only consults the strategy when the repository holds no security context for the
 * request, no authenticated user is in the {@link SecurityContextHolder}, and the request names a
 * session id that is not valid. The repository here always says "no context" (as the session
 * repository does when the session is gone) and costs nothing itself, so what is measured is the
 * filter.
 */
public final class SpringSecurity {

  private SpringSecurity() {}

  static SessionManagementFilter sessionManagementFilter(ExpiredAnswer answer) {
    SessionManagementFilter filter = new SessionManagementFilter(new NoContextRepository());
    filter.setInvalidSessionStrategy(new ChallengeStrategy(answer));
    return filter;
  }

  /** Writes Expiry's response (401, the challenge and the rest) from constants. */
  static final class ChallengeStrategy implements InvalidSessionStrategy {
    private final ExpiredAnswer answer;

    ChallengeStrategy(ExpiredAnswer answer) {
      this.answer = answer;
    }

    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", OrdersServlet.CHALLENGE);
      answer.writeRest(response);
    }
  }

  /** A repository that never holds a context. */
  static final class NoContextRepository implements SecurityContextRepository {
    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
      return SecurityContextHolder.createEmptyContext();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {}

    @Override
    public boolean containsContext(HttpServletRequest request) {
      return false;
    }
  }
}
