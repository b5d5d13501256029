package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.ServletRegistration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A servlet registered under a name, with its class and URL patterns. */
public record BenchServletRegistration(String name, String className, List<String> patterns)
    implements ServletRegistration {

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getClassName() {
    return className;
  }

  @Override
  public Collection<String> getMappings() {
    return patterns;
  }

  @Override
  public Set<String> addMapping(String... urlPatterns) {
    throw UnsupportedRequest.unsupported("addMapping");
  }

  @Override
  public String getRunAsRole() {
    return null;
  }

  @Override
  public boolean setInitParameter(String name, String value) {
    throw UnsupportedRequest.unsupported("setInitParameter");
  }

  @Override
  public String getInitParameter(String name) {
    return null;
  }

  @Override
  public Set<String> setInitParameters(Map<String, String> initParameters) {
    throw UnsupportedRequest.unsupported("setInitParameters");
  }

  @Override
  public Map<String, String> getInitParameters() {
    return Map.of();
  }
}
