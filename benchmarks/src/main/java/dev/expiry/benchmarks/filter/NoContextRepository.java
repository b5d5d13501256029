package dev.expiry.benchmarks.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SessionManagementFilter;

/**
 * A security context repository that never holds a context, as the session repository says when
 * the session is gone, and costs nothing itself, so that what the Spring Security variants measure
 * is the filter and its strategy.
 *
 * <p>{@link SessionManagementFilter} only consults its {@link InvalidSessionStrategy} when the
 * repository holds no security context for the request, no authenticated user is in the {@link
 * SecurityContextHolder}, and the request names a session id that is not valid.
 */
final class NoContextRepository implements SecurityContextRepository {

  /** Spring Security's filter on this repository, answering expired sessions with {@code strategy}. */
  static SessionManagementFilter sessionManagementFilter(InvalidSessionStrategy strategy) {
    SessionManagementFilter filter = new SessionManagementFilter(new NoContextRepository());
    filter.setInvalidSessionStrategy(strategy);
    return filter;
  }

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
