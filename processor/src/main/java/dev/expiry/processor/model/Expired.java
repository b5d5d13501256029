package dev.expiry.processor.model;

/** What has expired; the names of {@code dev.expiry.Expired}. */
public enum Expired {
  SESSION("Session expired", "Your session has expired. Log in again to continue.",
      "https://expiry.dev/problems/session-expired"),
  ACCESS_TOKEN("Access token expired", "The access token has expired. Obtain a new one and repeat the request.",
      "https://expiry.dev/problems/access-token-expired"),
  CSRF_TOKEN("CSRF token expired", "The form has expired. Reload the page and submit the form again.",
      "https://expiry.dev/problems/csrf-token-expired");

  /** The annotation's default {@code type}, which stands for {@link #defaultType()}. */
  public static final String ABOUT_BLANK = "about:blank";

  private final String defaultTitle;
  private final String defaultDetail;
  private final String defaultType;

  Expired(String defaultTitle, String defaultDetail, String defaultType) {
    this.defaultTitle = defaultTitle;
    this.defaultDetail = defaultDetail;
    this.defaultType = defaultType;
  }

  /**
   * The problem type of a policy that leaves {@code type} out: a stable URI for what expired, so
   * that a client tells the three apart (RFC 9457 §3.1.1).
   */
  public String defaultType() {
    return defaultType;
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
