package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A servlet context with a fixed set of servlet registrations, at the root context path. */
public final class BenchServletContext extends UnsupportedServletContext {

  private final Map<String, BenchServletRegistration> servlets = new LinkedHashMap<>();
  private final ClassLoader loader;
  private final Map<String, Object> attributes = new HashMap<>();
  private final BenchSessionCookieConfig sessionCookieConfig = new BenchSessionCookieConfig();

  public BenchServletContext(ClassLoader loader) {
    this.loader = loader;
  }

  /** Registers a servlet class under a name for one URL pattern, and returns its mapping. */
  public BenchMapping register(String name, Class<?> servletClass, String pattern) {
    servlets.put(name, new BenchServletRegistration(name, servletClass.getName(), List.of(pattern)));
    return new BenchMapping(name, pattern, "42");
  }

  @Override
  public String getContextPath() {
    return "";
  }

  @Override
  public ClassLoader getClassLoader() {
    return loader;
  }

  @Override
  public ServletRegistration getServletRegistration(String servletName) {
    return servlets.get(servletName);
  }

  @Override
  public Map<String, ? extends ServletRegistration> getServletRegistrations() {
    return Collections.unmodifiableMap(servlets);
  }

  @Override
  public String getInitParameter(String name) {
    return null;
  }

  @Override
  public Enumeration<String> getInitParameterNames() {
    return Collections.emptyEnumeration();
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public SessionCookieConfig getSessionCookieConfig() {
    return sessionCookieConfig;
  }

  @Override
  public String getServletContextName() {
    return "benchmark";
  }

  @Override
  public void log(String msg) {
    // The benchmarks print their own results; a filter's start-up line would only interleave.
  }

  @Override
  public void log(String message, Throwable throwable) {
    throw new IllegalStateException(message, throwable);
  }
}
