package dev.expiry.examples;

import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.NoExpiryPolicy;
import dev.expiry.Param;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/stock}, with {@code POST /api/stock/token} to get a bearer token that lives {@value
 * ExampleApp#SESSION_TIMEOUT_SECONDS} second. No session here: the token is checked by the
 * application, which the container cannot see, so the servlet reports an expired token through
 * {@link ExpiryResponses} and the policy declared here answers, as RFC 6750 §3.1 describes.
 */
@ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 401, scheme = "Bearer", realm = "example",
    params = {
      @Param(name = "error", value = "invalid_token"),
      @Param(name = "error_description", value = "The access token expired")
    })
public class TokenServlet extends HttpServlet {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Token to the instant it expires. A real application asks its authorization server. */
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

  @NoExpiryPolicy(reason = "Authenticated by bearer tokens, not by a session.")
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"/token".equals(request.getPathInfo())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    tokens.put(token, Instant.now().plusSeconds(ExampleApp.SESSION_TIMEOUT_SECONDS));
    response.setContentType("application/json");
    response.getWriter().println("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", "
        + "\"expires_in\": " + ExampleApp.SESSION_TIMEOUT_SECONDS + "}");
  }

  @NoExpiryPolicy(reason = "Authenticated by bearer tokens, not by a session.")
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String authorization = request.getHeader("Authorization");
    String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim() : null;
    if (token == null) {
      // RFC 6750 §3.1: no credentials at all is not an expired token; no error code then.
      response.setHeader("WWW-Authenticate", "Bearer realm=\"example\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    Instant expires = tokens.get(token);
    if (expires == null || expires.isBefore(Instant.now())) {
      tokens.remove(token);
      if (!ExpiryResponses.send(request, response, Expired.ACCESS_TOKEN)) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      }
      return;
    }
    response.setContentType("application/json");
    response.getWriter().println("{\"coffee beans\": 12, \"paper filters\": 40}");
  }
}
