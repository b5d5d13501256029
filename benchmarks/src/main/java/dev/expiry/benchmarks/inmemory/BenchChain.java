package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/** The end of the chain, standing in for the servlet: counts the requests that reach it. */
public final class BenchChain implements FilterChain {

  private int calls;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response) {
    calls++;
  }

  /** How many requests reached the servlet so far. */
  public int calls() {
    return calls;
  }
}
