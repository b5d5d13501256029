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
  /** The location XML-escaped for a Faces partial-response ({@code {path}} survives escaping). */
  private final String facesLocation;
  /** The whole Faces partial-response when the location has no {@code {path}}, else {@code null}. */
  private final byte[] facesBody;
  /** The HTML page around a link to the login page, for an endpoint that also has a redirect. */
  private final String htmlBeforeLink;
  private final String htmlAfterLink;

  static final String FACES_PREFIX = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partial-response><redirect url=\"";
  static final String FACES_SUFFIX = "\"/></partial-response>\n";

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
    this.facesLocation = location >= 0 ? Bodies.html(this.headers[location]) : null;
    this.facesBody = facesLocation != null && !locationHasPath ? faces(facesLocation) : null;
    String[] aroundLink = Bodies.htmlAroundLink(status, title, detail);
    this.htmlBeforeLink = aroundLink[0];
    this.htmlAfterLink = aroundLink[1];
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

  /** Whether the location has a {@code {path}} to fill in (so the answer follows the page's URL). */
  boolean locationHasPath() {
    return locationHasPath;
  }

  /**
   * Writes this redirect in the form the client library of {@code dialect} (a {@link
   * Kinds#dialectOf} other than {@link Kinds#PLAIN}) acts on: the same location, sent where that
   * library reads it, so that the whole page goes there, never a fragment of it.
   */
  void writeDialect(HttpServletRequest request, HttpServletResponse response, int dialect) throws IOException {
    switch (dialect) {
      case Kinds.HTMX -> {
        // htmx reads HX-Redirect before it looks at the status, but only on a response the XHR
        // does not follow itself: a 200 with nothing to swap. {path} is the page, not the fragment.
        response.setStatus(200);
        response.setHeader("HX-Redirect", location(request, request.getHeader("HX-Current-URL")));
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
      }
      case Kinds.INERTIA -> {
        // The Inertia protocol's external redirect: the client makes a full visit to the location.
        response.setStatus(409);
        response.setHeader("X-Inertia-Location", location(request, null));
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
      }
      case Kinds.FACES -> {
        // A Faces partial response's redirect: faces.ajax.response sets window.location to it.
        response.setStatus(200);
        response.setHeader("Cache-Control", "no-store");
        byte[] body = locationHasPath ? faces(facesLocation.replace(PATH_PLACEHOLDER, encodedOriginal(request, null)))
            : facesBody;
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
          response.getOutputStream().write(body);
        }
      }
      case Kinds.TURBO_FRAME -> {
        // The redirect fetch follows; {path} is the page around the frame (its Referer).
        response.setStatus(status);
        for (int i = 0; i < headers.length; i += 2) {
          response.setHeader(headers[i], i + 1 == locationIndex ? location(request, request.getHeader("Referer"))
              : headers[i + 1]);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
      }
      default -> writeTo(request, response, Kinds.BROWSER);
    }
  }

  private static byte[] faces(String escapedLocation) {
    return (FACES_PREFIX + escapedLocation + FACES_SUFFIX).getBytes(StandardCharsets.UTF_8);
  }

  /** The location, {@code {path}} filled from {@code pageUrl} when it is of this origin, else from the request. */
  String location(HttpServletRequest request, String pageUrl) {
    String value = headers[locationIndex];
    return locationHasPath ? value.replace(PATH_PLACEHOLDER, encodedOriginal(request, pageUrl)) : value;
  }

  private static String encodedOriginal(HttpServletRequest request, String pageUrl) {
    String page = sameOriginPath(request, pageUrl);
    return URLEncoder.encode(page != null ? page : original(request), StandardCharsets.UTF_8);
  }

  /**
   * The path and query of {@code url} when it is an absolute URL of the request's own origin (its
   * scheme and the {@code Host} it was sent to), without fragment or {@code ;jsessionid=}; else
   * {@code null}. A URL of another site never becomes where the login page sends the user back.
   */
  static String sameOriginPath(HttpServletRequest request, String url) {
    String host = request.getHeader("Host");
    String scheme = request.getScheme();
    if (url == null || host == null || scheme == null || host.isEmpty()) {
      return null;
    }
    int hostAt = scheme.length() + 3;
    if (!url.regionMatches(true, 0, scheme, 0, scheme.length()) || !url.startsWith("://", scheme.length())
        || !url.regionMatches(true, hostAt, host, 0, host.length())) {
      return null;
    }
    int end = url.indexOf('#');
    end = end < 0 ? url.length() : end;
    int pathAt = hostAt + host.length();
    if (pathAt == end) {
      return "/";
    }
    char next = url.charAt(pathAt);
    if (next != '/' && next != '?') {
      return null; // another host that starts like this one (localhost.example), or another port
    }
    String path = (next == '?' ? "/" : "") + url.substring(pathAt, end);
    if (path.startsWith("//") || path.indexOf('\\') >= 0 || !isFieldValue(path)) {
      return null;
    }
    int query = path.indexOf('?');
    return query < 0 ? withoutSessionId(path) : withoutSessionId(path.substring(0, query)) + path.substring(query);
  }

  /** The request's path (without {@code ;jsessionid=}) and query. */
  private static String original(HttpServletRequest request) {
    String uri = withoutSessionId(request.getRequestURI());
    String query = request.getQueryString();
    return (uri == null ? "/" : uri) + (query == null ? "" : "?" + query);
  }

  /**
   * Writes status, headers and the body the client can read. Everything but the problem's {@code
   * instance} (and a {@code {path}} in the location) is prepared bytes; nothing is assembled.
   */
  void writeTo(HttpServletRequest request, HttpServletResponse response, int kind) throws IOException {
    writeTo(request, response, kind, null, null, false);
  }

  /**
   * Writes status, headers and the body the client can read, as {@link #writeTo(HttpServletRequest,
   * HttpServletResponse, int)} does; when {@code login} (a redirect of the same endpoint) is given,
   * the HTML page links its location and the problem carries it as its {@code login} member, with
   * {@code {path}} from {@code pageUrl} when that is a page of this origin. With {@code noBody}
   * (a request whose answer no page reads: an image, a script, a stylesheet), the body is left out.
   */
  void writeTo(HttpServletRequest request, HttpServletResponse response, int kind, ExpiryResponse login,
      String pageUrl, boolean noBody) throws IOException {
    response.setStatus(status);
    for (int i = 0; i < headers.length; i += 2) {
      String value = i + 1 == locationIndex && locationHasPath ? withPath(headers[i + 1], request) : headers[i + 1];
      response.setHeader(headers[i], value);
    }
    response.setHeader("Cache-Control", "no-store");
    if (isRedirect() || noBody) {
      response.setContentLength(0);
      return;
    }
    // HEAD: the headers GET would get, no body.
    boolean head = "HEAD".equals(request.getMethod());
    if (kind == Kinds.BROWSER) {
      byte[] page = login == null ? html
          : (htmlBeforeLink + Bodies.html(login.location(request, pageUrl)) + htmlAfterLink).getBytes(StandardCharsets.UTF_8);
      send(response, "text/html;charset=UTF-8", page, null, 0, null, head);
    } else if (Kinds.json(request, kind) || !send(response, "text/plain;charset=UTF-8", text, null, 0, null, head)) {
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
      byte[] suffix = login == null ? Bodies.PROBLEM_JSON_SUFFIX
          : Bodies.problemJsonLoginSuffix(login.location(request, pageUrl));
      send(response, "application/problem+json", problemPrefix, instance, escaped, suffix, head);
    }
  }

  /**
   * Sends {@code body}, then, for a problem, the escaped {@code instance} ({@code escaped} bytes)
   * and the closing bytes {@code suffix}, with the exact Content-Length. Where the application
   * already took the response's writer, writes the same text through it, in the writer's charset:
   * HTML with character references for what that charset cannot encode, so nothing is lost.
   *
   * @return false, having written nothing, for plain text that the writer's charset cannot encode
   *     whole
   */
  private static boolean send(HttpServletResponse response, String type, byte[] body, String instance, int escaped,
      byte[] suffix, boolean head) throws IOException {
    response.setContentType(type);
    int length = body.length;
    if (instance != null) {
      length += escaped + suffix.length;
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
          + (instance == null ? "" : Bodies.json(instance) + new String(suffix, StandardCharsets.US_ASCII));
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
      out.write(suffix);
    }
    return true;
  }

  /**
   * Puts the original path and query, percent-encoded as one query value, for {@code {path}}. A
   * stale {@code ;jsessionid=} path parameter is left out: the login page starts a new session.
   */
  private static String withPath(String location, HttpServletRequest request) {
    return location.replace(PATH_PLACEHOLDER, URLEncoder.encode(original(request), StandardCharsets.UTF_8));
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
