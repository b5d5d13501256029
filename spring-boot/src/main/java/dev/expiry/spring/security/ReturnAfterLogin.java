package dev.expiry.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Lets Spring Security return the user to the page that expired once they have logged in again.
 * When Expiry sends a browser away with a redirect (to the login page), Spring Security has not
 * saved the request yet: it would only do so when it denies access, and Expiry answered first.
 * Where the chain's {@link RequestCache} is a {@link CookieRequestCache}, Expiry saves a {@code
 * GET} request through it just before it sets the redirect's status, so the cache's cookie goes
 * out with the redirect and Spring Security's {@code SavedRequestAwareAuthenticationSuccessHandler}
 * sends the user back after the login. Spring Security's default, {@code HttpSessionRequestCache},
 * is not used: saving through it would create a session, and Expiry never does.
 */
final class ReturnAfterLogin {

  private ReturnAfterLogin() {}

  /** The cache Expiry saves requests through, or {@code null} where it saves none. */
  static RequestCache usable(RequestCache cache) {
    return cache instanceof CookieRequestCache ? cache : null;
  }

  /**
   * {@code response}, or, for a {@code GET} request and a usable {@code cache}, a response that
   * saves the request through {@code cache} when a redirect status is set on it.
   */
  static HttpServletResponse saving(HttpServletRequest request, HttpServletResponse response, RequestCache cache) {
    if (cache == null || !"GET".equals(request.getMethod())) {
      return response;
    }
    return new Saving(request, response, cache);
  }

  private static final class Saving extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final RequestCache cache;
    private boolean saved;

    Saving(HttpServletRequest request, HttpServletResponse response, RequestCache cache) {
      super(response);
      this.request = request;
      this.response = response;
      this.cache = cache;
    }

    @Override
    public void setStatus(int status) {
      if (!saved && status >= 300 && status < 400 && !response.isCommitted()) {
        saved = true;
        cache.saveRequest(request, response);
      }
      super.setStatus(status);
    }
  }
}
