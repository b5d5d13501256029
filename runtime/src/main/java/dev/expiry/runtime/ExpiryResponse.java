package dev.expiry.runtime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One fully rendered expiry response: status, headers and bodies. Immutable; built at start-up,
 * so that answering a request copies prepared bytes. Only a {@code {path}} in the location and the
 * problem's {@code instance} depend on the request.
 */
final class ExpiryResponse {

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
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status code: " + status);
    }
    int location = -1;
    for (int i = 0; i < this.headers.length; i++) {
      // Checked once, at start-up: whatever provider declares it, no header can be split.
      String h = Objects.requireNonNull(this.headers[i], "header name or value");
      if (i % 2 == 0 ? !isToken(h) : !isFieldValue(h)) {
        throw new IllegalArgumentException("not a safe header " + (i % 2 == 0 ? "name" : "value") + ": " + h);
      }
      if (i % 2 == 0 && LOCATION.equalsIgnoreCase(h)) {
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
    resolved[locationIndex] = encodePath(contextPath) + value;
    return new ExpiryResponse(status, type, title, detail, resolved);
  }

  private static Charset charsetOf(HttpServletResponse response) {
    String encoding = response.getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
    } catch (IllegalArgumentException unknownToTheJdk) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  /**
   * A context path as it may stand in a URI: containers report it decoded, so a space or a
   * non-ASCII character is percent-encoded (UTF-8) here, once.
   */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "/-._~!$&'()*+,;=:@%".indexOf(c) >= 0;
      if (keep) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** HTAB, SP and visible ASCII only. */
  static boolean isFieldValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        return false;
      }
    }
    return true;
  }

  boolean isRedirect() {
    return status >= 300 && status <= 399;
  }

  /**
   * Writes status, headers and the body the client can read. Everything but the problem's {@code
   * instance} (and a {@code {path}} in the location) is prepared bytes; nothing is assembled.
   */
  void writeTo(HttpServletRequest request, HttpServletResponse response, int kind) throws IOException {
    response.setStatus(status);
    for (int i = 0; i < headers.length; i += 2) {
      String value = i + 1 == locationIndex && locationHasPath ? withPath(headers[i + 1], request) : headers[i + 1];
      response.setHeader(headers[i], value);
    }
    response.setHeader("Cache-Control", "no-store");
    if (isRedirect()) {
      response.setContentLength(0);
      return;
    }
    // HEAD: the headers GET would get, no body.
    boolean head = "HEAD".equals(request.getMethod());
    if (kind == Kinds.BROWSER) {
      send(response, "text/html;charset=UTF-8", html, null, 0, head);
    } else if (Kinds.json(request, kind) || !send(response, "text/plain;charset=UTF-8", text, null, 0, head)) {
      // problem+json is plain ASCII, right in any charset; also where plain text cannot be
      // written whole in the charset of a writer the application took already.
      String instance = request.getRequestURI();
      if (instance == null) {
        instance = "";
      }
      // One pass for the usual path; one with a path parameter may carry a stale session id.
      int escaped = Bodies.jsonLength(instance, ';');
      if (escaped < 0) {
        instance = withoutSessionId(instance);
        escaped = Bodies.jsonLength(instance, -1);
      }
      send(response, "application/problem+json", problemPrefix, instance, escaped, head);
    }
  }

  /**
   * Sends {@code body}, then, for a problem, the escaped {@code instance} ({@code escaped} bytes)
   * and the closing bytes, with the exact Content-Length. Where the application already took the
   * response's writer, writes the same text through it, in the writer's charset: HTML with
   * character references for what that charset cannot encode, so nothing is lost.
   *
   * @return false, having written nothing, for plain text that the writer's charset cannot encode
   *     whole
   */
  private static boolean send(HttpServletResponse response, String type, byte[] body, String instance, int escaped,
      boolean head) throws IOException {
    response.setContentType(type);
    int length = body.length;
    if (instance != null) {
      length += escaped + Bodies.PROBLEM_JSON_SUFFIX.length;
    }
    response.setContentLength(length);
    if (head) {
      return true;
    }
    OutputStream out;
    try {
      out = response.getOutputStream();
    } catch (IllegalStateException writerInUse) {
      // The application already called getWriter() (its buffer was reset, nothing is committed).
      Charset charset = charsetOf(response);
      String text = new String(body, StandardCharsets.UTF_8)
          + (instance == null ? "" : Bodies.json(instance) + "\"}");
      java.nio.charset.CharsetEncoder encoder = charset.newEncoder();
      if (!encoder.canEncode(text)) {
        if (type.startsWith("text/plain")) {
          return false;
        }
        if (type.startsWith("text/html")) {
          text = Bodies.withCharacterReferences(text.replace("<meta charset=\"utf-8\">",
              "<meta charset=\"" + charset.name() + "\">"), encoder);
        }
      }
      response.setContentLength(text.getBytes(charset).length);
      response.getWriter().write(text);
      return true;
    }
    out.write(body);
    if (instance != null) {
      Bodies.writeJson(instance, escaped, out);
      out.write(Bodies.PROBLEM_JSON_SUFFIX);
    }
    return true;
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
    if (uri == null || uri.indexOf(';') < 0) {
      return uri; // the usual case: no path parameters at all
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
