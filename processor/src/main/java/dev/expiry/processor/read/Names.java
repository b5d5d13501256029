package dev.expiry.processor.read;

/**
 * The qualified names of Expiry's own types, which the processor reads by name so that it needs
 * none of them on its own path. Each endpoint kind keeps the names of its framework's.
 */
public final class Names {
  public static final String EXPIRY_POLICY = "dev.expiry.ExpiryPolicy";
  public static final String EXPIRY_POLICIES = "dev.expiry.ExpiryPolicies";
  public static final String NO_EXPIRY_POLICY = "dev.expiry.NoExpiryPolicy";

  /**
   * Whether an annotation type is one of the JDK's, Jakarta's, Spring's or Kotlin's, which never
   * carry Expiry's annotations: composed policies and exemptions are not looked for in them.
   */
  public static boolean isLibraryAnnotation(String qualifiedName) {
    return qualifiedName.startsWith("java.") || qualifiedName.startsWith("javax.")
        || qualifiedName.startsWith("jakarta.") || qualifiedName.startsWith("org.springframework.")
        || qualifiedName.startsWith("kotlin.");
  }

  private Names() {}
}
