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
  public static final String SPRING_CONTROLLER = "org.springframework.stereotype.Controller";
  public static final String SPRING_REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
  public static final String JAXRS_PATH = "jakarta.ws.rs.Path";
  public static final String JAXRS_HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
  public static final String JAXRS_APPLICATION_PATH = "jakarta.ws.rs.ApplicationPath";

  private Names() {}
}
