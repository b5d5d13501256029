package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;

/** A filter's configuration: its name and context, no init parameters. */
public record BenchFilterConfig(String name, ServletContext context) implements FilterConfig {

  @Override
  public String getFilterName() {
    return name;
  }

  @Override
  public ServletContext getServletContext() {
    return context;
  }

  @Override
  public String getInitParameter(String name) {
    return null;
  }

  @Override
  public Enumeration<String> getInitParameterNames() {
    return Collections.emptyEnumeration();
  }
}
