package dev.expiry.benchmarks.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

/**
 * What a Spring Security 7 application writes to answer an expired session as Expiry does, the
 * way the Spring documentation leads there: {@code sessionManagement().invalidSessionStrategy(…)}
 * ({@link SessionManagementFilter}) with an {@link InvalidSessionStrategy} that deletes the stale
 * session cookie and hands over to an {@link AuthenticationEntryPoint}. A {@link
 * DelegatingAuthenticationEntryPoint} chooses by a {@link MediaTypeRequestMatcher} on Spring's
 * {@link HeaderContentNegotiationStrategy}, ignoring {@code *}{@code /*} as Spring Security's own
 * configurers do: a client that asks for JSON gets a 401 with the {@code WWW-Authenticate}
 * challenge and an RFC 9457 {@link ProblemDetail} that Jackson serializes (with the {@link
 * ProblemDetailJacksonMixin} Spring MVC registers), any other client the login page.
 *
 * <p>It sends what Expiry sends for a script: the status, the challenge, {@code Cache-Control:
 * no-store}, a {@code Vary} (naming {@code Accept}, the one header it decides by), the cookie
 * deletion ({@link ResponseCookie}, the same {@code Set-Cookie} value), the content type, the exact
 * {@code Content-Length} and the same body bytes.
 */
public final class SpringEntryPoint {

  /** The login page browsers are sent to. */
  static final String LOGIN = "/login";
  /** Spring 7 leaves a problem's type unset (RFC 9457 reads that as about:blank); Expiry names what expired, and so does this. */
  static final URI TYPE = URI.create("https://expiry.dev/problems/session-expired");
  static final String TITLE = "Session expired";
  static final String DETAIL = "Your session has expired. Log in again to continue.";

  private SpringEntryPoint() {}

  /** The filter, answering an expired session with {@code challenge} for clients that ask for JSON. */
  public static SessionManagementFilter sessionManagementFilter(String challenge) {
    ObjectMapper mapper = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    ContentNegotiationStrategy negotiation = new HeaderContentNegotiationStrategy();
    MediaTypeRequestMatcher json = new MediaTypeRequestMatcher(negotiation, MediaType.APPLICATION_JSON,
        MediaType.APPLICATION_PROBLEM_JSON);
    json.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN);
    login.afterPropertiesSet();
    AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
        .addEntryPointFor(new ProblemEntryPoint(challenge, mapper), json)
        .defaultEntryPoint(login)
        .build();
    return NoContextRepository.sessionManagementFilter(new ExpiredSessionStrategy(entryPoint));
  }

  /** Deletes the stale session cookie, says the answer is not to be stored, and asks the entry point. */
  static final class ExpiredSessionStrategy implements InvalidSessionStrategy {
    private final AuthenticationEntryPoint entryPoint;

    ExpiredSessionStrategy(AuthenticationEntryPoint entryPoint) {
      this.entryPoint = entryPoint;
    }

    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
      ResponseCookie deletion = ResponseCookie.from("JSESSIONID", "")
          .path(path).maxAge(0).httpOnly(true).secure(request.isSecure()).build();
      response.addHeader(HttpHeaders.SET_COOKIE, deletion.toString());
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
      entryPoint.commence(request, response, new InsufficientAuthenticationException(TITLE));
    }
  }

  /** A 401 with the challenge and the problem as JSON. */
  static final class ProblemEntryPoint implements AuthenticationEntryPoint {
    private final String challenge;
    private final ObjectMapper mapper;

    ProblemEntryPoint(String challenge, ObjectMapper mapper) {
      this.challenge = challenge;
      this.mapper = mapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, DETAIL);
      problem.setType(TYPE);
      problem.setTitle(TITLE);
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      byte[] body = mapper.writeValueAsBytes(problem);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
