package dev.expiry;

/** What has expired. */
public enum Expired {
  /**
   * The container's login session: detected by the filter, when the request presents a session id
   * the container no longer recognizes.
   */
  SESSION,
  /**
   * An access token (for example an OAuth bearer token). The container cannot see it: report it
   * with {@code dev.expiry.runtime.ExpiryResponses.send(request, response, Expired.ACCESS_TOKEN)}.
   */
  ACCESS_TOKEN,
  /**
   * The CSRF token of a form. The container cannot see it: report it with {@code
   * dev.expiry.runtime.ExpiryResponses.send(request, response, Expired.CSRF_TOKEN)}.
   */
  CSRF_TOKEN
}
