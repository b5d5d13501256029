package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletMapping;
import java.util.Objects;

/**
 * An in-memory GET request with a fixed session state and servlet mapping. Attributes live in a
 * small fixed array, so setting and clearing them allocates nothing.
 */
public final class BenchRequest extends UnsupportedRequest {

  private static final int MAX_ATTRIBUTES = 8;

  private final String method;
  private final String requestedSessionId;
  private final boolean sessionIdValid;
  private final HttpServletMapping mapping;
  private final ServletContext context;
  private final String[] attributeNames = new String[MAX_ATTRIBUTES];
  private final Object[] attributeValues = new Object[MAX_ATTRIBUTES];
  private int attributes;

  private BenchRequest(String method, String requestedSessionId, boolean sessionIdValid,
      HttpServletMapping mapping, ServletContext context) {
    this.method = method;
    this.requestedSessionId = requestedSessionId;
    this.sessionIdValid = sessionIdValid;
    this.mapping = mapping;
    this.context = context;
  }

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
