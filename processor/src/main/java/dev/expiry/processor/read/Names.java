package dev.expiry.processor.read;

/**
 * The qualified names of Expiry's own types, which the processor reads by name so that it needs
 * none of them on its own path. Each endpoint kind keeps the names of its framework's.
 */
public final class Names {
  public static final String EXPIRY_POLICY = "dev.expiry.ExpiryPolicy";
  public static final String EXPIRY_POLICIES = "dev.expiry.ExpiryPolicies";
  public static final String NO_EXPIRY_POLICY = "dev.expiry.NoExpiryPolicy";

  private Names() {}
}
