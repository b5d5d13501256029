package dev.expiry.processor.read;

/** The qualified names the processor reads by, so it needs none of these types on its own path. */
public final class Names {
  public static final String EXPIRY_POLICY = "dev.expiry.ExpiryPolicy";
  public static final String EXPIRY_POLICIES = "dev.expiry.ExpiryPolicies";
  public static final String CLIENT = "dev.expiry.Client";
  public static final String EXPIRED = "dev.expiry.Expired";
  public static final String HTTP_SERVLET = "jakarta.servlet.http.HttpServlet";
  public static final String LEGACY_HTTP_SERVLET = "javax.servlet.http.HttpServlet";
  public static final String HTTP_SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";
  public static final String HTTP_SERVLET_RESPONSE = "jakarta.servlet.http.HttpServletResponse";
  public static final String EXPIRY_HANDLER = "dev.expiry.runtime.ExpiryHandler";

  private Names() {}
}
