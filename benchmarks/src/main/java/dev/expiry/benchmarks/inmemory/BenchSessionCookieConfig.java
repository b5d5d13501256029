package dev.expiry.benchmarks.inmemory;

import jakarta.servlet.SessionCookieConfig;
import java.util.Map;

/** The container's defaults: JSESSIONID, HttpOnly, no domain or path of its own. */
final class BenchSessionCookieConfig implements SessionCookieConfig {

  @Override
  public void setName(String name) {
    throw UnsupportedRequest.unsupported("setName");
  }

  @Override
  public String getName() {
    return "JSESSIONID";
  }

  @Override
  public void setDomain(String domain) {
    throw UnsupportedRequest.unsupported("setDomain");
  }

  @Override
  public String getDomain() {
    return null;
  }

  @Override
  public void setPath(String path) {
    throw UnsupportedRequest.unsupported("setPath");
  }

  @Override
  public String getPath() {
    return null;
  }

  @Override
  @SuppressWarnings("deprecation")
  public void setComment(String comment) {
    throw UnsupportedRequest.unsupported("setComment");
  }

  @Override
  @SuppressWarnings("deprecation")
  public String getComment() {
    return null;
  }

  @Override
  public void setHttpOnly(boolean httpOnly) {
    throw UnsupportedRequest.unsupported("setHttpOnly");
  }

  @Override
  public boolean isHttpOnly() {
    return true;
  }

  @Override
  public void setSecure(boolean secure) {
    throw UnsupportedRequest.unsupported("setSecure");
  }

  @Override
  public boolean isSecure() {
    return false;
  }

  @Override
  public void setMaxAge(int maxAge) {
    throw UnsupportedRequest.unsupported("setMaxAge");
  }

  @Override
  public int getMaxAge() {
    return -1;
  }

  @Override
  public void setAttribute(String name, String value) {
    throw UnsupportedRequest.unsupported("setAttribute");
  }

  @Override
  public String getAttribute(String name) {
    return null;
  }

  @Override
  public Map<String, String> getAttributes() {
    return Map.of();
  }
}
