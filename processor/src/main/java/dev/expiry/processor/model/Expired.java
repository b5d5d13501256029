package dev.expiry.processor.model;

/** What has expired; the names of {@code dev.expiry.Expired}. */
public enum Expired {
  SESSION("Session expired", "Your session has expired. Log in again to continue."),
  ACCESS_TOKEN("Access token expired", "The access token has expired. Obtain a new one and repeat the request."),
  CSRF_TOKEN("CSRF token expired", "The form has expired. Reload the page and submit the form again.");

  private final String defaultTitle;
  private final String defaultDetail;

  Expired(String defaultTitle, String defaultDetail) {
    this.defaultTitle = defaultTitle;
    this.defaultDetail = defaultDetail;
  }

  /** The problem title of a policy that declares none. */
  public String defaultTitle() {
    return defaultTitle;
  }

  /** The problem detail of a policy that declares none. */
  public String defaultDetail() {
    return defaultDetail;
  }
}
