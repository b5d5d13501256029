package dev.expiry.runtime;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Objects;

/** One fully rendered expiry response: a status and its headers. Immutable; built at start-up. */
final class ExpiryResponse {

  static final String LOCATION = "Location";

  private final int status;
  private final String[] headers;

  ExpiryResponse(int status, String[] headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers must be name/value pairs: " + Arrays.toString(headers));
    }
    this.status = status;
    this.headers = headers.clone();
    for (String h : this.headers) {
      Objects.requireNonNull(h, "header name or value");
    }
  }

  /**
   * Resolves a {@code Location} that is a path ({@code /login}) against the application's context
   * path, once, so that serving the response is only a copy of constants.
   */
  ExpiryResponse inContext(String contextPath) {
    if (contextPath == null || contextPath.isEmpty()) {
      return this;
    }
    String[] resolved = headers.clone();
    for (int i = 0; i < resolved.length; i += 2) {
      String value = resolved[i + 1];
      if (LOCATION.equalsIgnoreCase(resolved[i]) && value.startsWith("/") && !value.startsWith("//")) {
        resolved[i + 1] = contextPath + value;
      }
    }
    return new ExpiryResponse(status, resolved);
  }

  int status() {
    return status;
  }

  /** The value of the named header, or {@code null}. */
  String header(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  void writeTo(HttpServletResponse response) {
    response.setStatus(status);
    for (int i = 0; i < headers.length; i += 2) {
      response.setHeader(headers[i], headers[i + 1]);
    }
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(0);
  }

  @Override
  public String toString() {
    return status + " " + Arrays.toString(headers);
  }
}
