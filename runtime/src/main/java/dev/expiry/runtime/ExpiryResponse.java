package dev.expiry.runtime;

import dev.expiry.Client;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One fully rendered expiry response: status, headers and bodies. Immutable; built at start-up,
 * so that answering a request copies prepared bytes. Only a {@code {path}} in the location and the
 * problem's {@code instance} depend on the request.
 */
final class ExpiryResponse implements ExpiryHandler.Response {

  static final String LOCATION = "Location";
  static final String PATH_PLACEHOLDER = "{path}";

  private final int status;
  private final String[] headers;
  private final String type;
  private final String title;
  private final String detail;
  private final int locationIndex;
  private final boolean locationHasPath;
  private final byte[] html;
  private final byte[] text;
  private final byte[] problemPrefix;

  ExpiryResponse(int status, String type, String title, String detail, String[] headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers must be name/value pairs: " + Arrays.toString(headers));
    }
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.title = Objects.requireNonNull(title, "title");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.headers = headers.clone();
    int location = -1;
    for (int i = 0; i < this.headers.length; i++) {
      Objects.requireNonNull(this.headers[i], "header name or value");
      if (i % 2 == 0 && LOCATION.equalsIgnoreCase(this.headers[i])) {
        location = i + 1;
      }
    }
    this.locationIndex = location;
    this.locationHasPath = location >= 0 && this.headers[location].contains(PATH_PLACEHOLDER);
    this.html = Bodies.html(status, title, detail).getBytes(StandardCharsets.UTF_8);
    this.text = Bodies.text(status, title, detail).getBytes(StandardCharsets.UTF_8);
    this.problemPrefix = Bodies.problemJsonPrefix(status, type, title, detail).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Resolves a {@code Location} that is a path ({@code /login}) against the application's context
   * path, once, at start-up.
   */
  ExpiryResponse inContext(String contextPath) {
    if (contextPath == null || contextPath.isEmpty() || locationIndex < 0) {
      return this;
    }
    String value = headers[locationIndex];
    if (!value.startsWith("/") || value.startsWith("//")) {
      return this;
    }
    String[] resolved = headers.clone();
    resolved[locationIndex] = contextPath + value;
    return new ExpiryResponse(status, type, title, detail, resolved);
  }

  int status() {
    return status;
  }

  boolean isRedirect() {
    return status >= 300 && status <= 399;
  }

  /** The value of the named header as declared, or {@code null}. */
  String header(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  /** Writes status, headers and the body the client can read. */
  void writeTo(HttpServletRequest request, HttpServletResponse response, Client kind) throws IOException {
    response.setStatus(status);
    for (int i = 0; i < headers.length; i += 2) {
      String value = i + 1 == locationIndex && locationHasPath ? withPath(headers[i + 1], request) : headers[i + 1];
      response.setHeader(headers[i], value);
    }
    response.setHeader("Cache-Control", "no-store");
    if (isRedirect() || "HEAD".equals(request.getMethod())) {
      if (!isRedirect()) {
        // HEAD: the headers GET would get, no body.
        contentHeaders(response, request, kind);
      } else {
        response.setContentLength(0);
      }
      return;
    }
    byte[] body = contentHeaders(response, request, kind);
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      // The application already called getWriter() (its buffer was reset, nothing is committed):
      // write the same text through the writer, in the writer's encoding.
      String text = new String(body, StandardCharsets.UTF_8);
      String encoding = response.getCharacterEncoding();
      java.nio.charset.Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : java.nio.charset.Charset.forName(encoding);
      response.setContentLength(text.getBytes(charset).length);
      response.getWriter().write(text);
    }
  }

  /** Sets the content type and length for the kind of client, and returns the body. */
  private byte[] contentHeaders(HttpServletResponse response, HttpServletRequest request, Client kind) {
    byte[] body;
    if (kind == Client.BROWSER) {
      response.setContentType("text/html;charset=UTF-8");
      body = html;
    } else if (Kinds.acceptsJson(request)) {
      response.setContentType("application/problem+json");
      body = problem(request.getRequestURI());
    } else {
      response.setContentType("text/plain;charset=UTF-8");
      body = text;
    }
    response.setContentLength(body.length);
    return body;
  }

  private byte[] problem(String instance) {
    byte[] escaped = Bodies.json(instance == null ? "" : instance).getBytes(StandardCharsets.UTF_8);
    byte[] suffix = Bodies.PROBLEM_JSON_SUFFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] body = Arrays.copyOf(problemPrefix, problemPrefix.length + escaped.length + suffix.length);
    System.arraycopy(escaped, 0, body, problemPrefix.length, escaped.length);
    System.arraycopy(suffix, 0, body, problemPrefix.length + escaped.length, suffix.length);
    return body;
  }

  /**
   * Puts the original path and query, percent-encoded as one query value, for {@code {path}}. A
   * stale {@code ;jsessionid=} path parameter is left out: the login page starts a new session.
   */
  private static String withPath(String location, HttpServletRequest request) {
    String uri = withoutSessionId(request.getRequestURI());
    String query = request.getQueryString();
    String original = (uri == null ? "/" : uri) + (query == null ? "" : "?" + query);
    return location.replace(PATH_PLACEHOLDER, URLEncoder.encode(original, StandardCharsets.UTF_8));
  }

  /** The path without {@code ;jsessionid=…} parameters (the Servlet default name, any case). */
  static String withoutSessionId(String uri) {
    if (uri == null) {
      return null;
    }
    int at = indexOfIgnoreCase(uri, ";jsessionid=", 0);
    if (at < 0) {
      return uri;
    }
    StringBuilder out = new StringBuilder(uri.length());
    int from = 0;
    while (at >= 0) {
      out.append(uri, from, at);
      int end = at + 1;
      while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != ';') {
        end++;
      }
      from = end;
      at = indexOfIgnoreCase(uri, ";jsessionid=", from);
    }
    return out.append(uri, from, uri.length()).toString();
  }

  private static int indexOfIgnoreCase(String s, String part, int from) {
    for (int i = from; i + part.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return status + " " + Arrays.toString(headers);
  }
}
