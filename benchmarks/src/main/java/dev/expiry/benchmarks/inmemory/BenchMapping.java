package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;

/** The container's mapping of a request to one servlet, by path prefix. */
public record BenchMapping(String servletName, String pattern, String matchValue) implements HttpServletMapping {

  @Override
  public String getMatchValue() {
    return matchValue;
  }

  @Override
  public String getPattern() {
    return pattern;
  }

  @Override
  public String getServletName() {
    return servletName;
  }

  @Override
  public MappingMatch getMappingMatch() {
    return MappingMatch.PATH;
  }
}
