package dev.expiry.processor.model;

/** The kinds of client a policy answers; the names of {@code dev.expiry.Client}. */
public enum Client {
  ANY,
  BROWSER,
  API;

  /** The kinds a request can be of: ANY is only ever a policy's wildcard. */
  public static final java.util.List<Client> KINDS = java.util.List.of(BROWSER, API);
}
