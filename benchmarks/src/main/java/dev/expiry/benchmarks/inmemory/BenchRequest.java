package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletMapping;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory GET request from a script ({@code Accept: application/json}, {@code Sec-Fetch-Mode:
 * cors}) with a fixed session state (the session id from a cookie) and servlet mapping. Attributes
 * live in a small fixed array, so setting and clearing them allocates nothing.
 */
public final class BenchRequest extends UnsupportedRequest {

  private static final int MAX_ATTRIBUTES = 8;

  private final String method;
  private final String requestedSessionId;
  private final boolean sessionIdValid;
  private final HttpServletMapping mapping;
  private final ServletContext context;
  private final String[] headers;
  private final String[] attributeNames = new String[MAX_ATTRIBUTES];
  private final Object[] attributeValues = new Object[MAX_ATTRIBUTES];
  private int attributes;

  private BenchRequest(String method, String requestedSessionId, boolean sessionIdValid,
      HttpServletMapping mapping, ServletContext context) {
    this.headers = SCRIPT_HEADERS;
    this.method = method;
    this.requestedSessionId = requestedSessionId;
    this.sessionIdValid = sessionIdValid;
    this.mapping = mapping;
    this.context = context;
  }

  /** What a script (fetch) sends: names and values, alternating. */
  private static final String[] SCRIPT_HEADERS = {
      "Accept", "application/json",
      "Sec-Fetch-Mode", "cors",
      "Host", "shop.example.com"};

  /** The request path. */
  public static final String URI = "/api/orders/42";

  /** A request whose session id the container recognizes. */
  public static BenchRequest validSession(HttpServletMapping mapping, ServletContext context) {
    return new BenchRequest("GET", "node0valid", true, mapping, context);
  }

  /** A request that names a session the container no longer knows: it expired. */
  public static BenchRequest expiredSession(HttpServletMapping mapping, ServletContext context) {
    return new BenchRequest("GET", "node0expired", false, mapping, context);
  }

  /** A request without a session cookie. */
  public static BenchRequest noSession(HttpServletMapping mapping, ServletContext context) {
    return new BenchRequest("GET", null, false, mapping, context);
  }

  /** Clears the attributes a filter set during the previous invocation; allocates nothing. */
  public void clear() {
    for (int i = 0; i < attributes; i++) {
      attributeNames[i] = null;
      attributeValues[i] = null;
    }
    attributes = 0;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getRequestedSessionId() {
    return requestedSessionId;
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    return sessionIdValid;
  }

  @Override
  public HttpServletMapping getHttpServletMapping() {
    return mapping;
  }

  @Override
  public String getHeader(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  /** The one value of a header, as containers enumerate it (Spring's content negotiation reads headers so). */
  @Override
  public Enumeration<String> getHeaders(String name) {
    String value = getHeader(name);
    return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
  }

  @Override
  public boolean isSecure() {
    return false;
  }

  @Override
  public String getRequestURI() {
    return URI;
  }

  @Override
  public String getQueryString() {
    return null;
  }

  @Override
  public String getContextPath() {
    return "";
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    return requestedSessionId != null;
  }

  @Override
  public ServletContext getServletContext() {
    return context;
  }

  @Override
  public Object getAttribute(String name) {
    for (int i = 0; i < attributes; i++) {
      if (attributeNames[i].equals(name)) {
        return attributeValues[i];
      }
    }
    return null;
  }

  @Override
  public void setAttribute(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      removeAttribute(name);
      return;
    }
    for (int i = 0; i < attributes; i++) {
      if (attributeNames[i].equals(name)) {
        attributeValues[i] = value;
        return;
      }
    }
    if (attributes == MAX_ATTRIBUTES) {
      throw new IllegalStateException("more than " + MAX_ATTRIBUTES + " attributes");
    }
    attributeNames[attributes] = name;
    attributeValues[attributes] = value;
    attributes++;
  }

  @Override
  public void removeAttribute(String name) {
    for (int i = 0; i < attributes; i++) {
      if (attributeNames[i].equals(name)) {
        attributes--;
        attributeNames[i] = attributeNames[attributes];
        attributeValues[i] = attributeValues[attributes];
        attributeNames[attributes] = null;
        attributeValues[attributes] = null;
        return;
      }
    }
  }
}
