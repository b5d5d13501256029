package dev.expiry.examples.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of the shop over real HTTP with a cookie jar, as a browser has one: it keeps the
 * cookies the application sets, drops those it deletes, and follows no redirect by itself.
 * Requests are a browser's navigations or a script's {@code fetch()} calls.
 */
final class ShopClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager jar;
  private final HttpClient http;

  ShopClient(int port) {
    this(port, new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER));
  }

  private ShopClient(int port, CookieManager jar) {
    this(port, jar, HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .cookieHandler(jar)
        .build());
  }

  private ShopClient(int port, CookieManager jar, HttpClient http) {
    this.port = port;
    this.jar = jar;
    this.http = http;
  }

  /**
   * The same browser talking to another instance of the shop on this host: one cookie jar (cookies
   * do not tell ports apart) and one connection pool, as behind a load balancer.
   */
  ShopClient at(int otherPort) {
    return new ShopClient(otherPort, jar, http);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A browser navigating to a page. */
  HttpResponse<String> navigate(String path) {
    return send(navigation(HttpRequest.newBuilder(uri(path)).GET()));
  }

  /** A script's {@code fetch()} call that reads JSON. */
  HttpResponse<String> fetch(String path) {
    return send(scripted(HttpRequest.newBuilder(uri(path)).GET()));
  }

  /** A browser submitting a form. */
  HttpResponse<String> submit(String path, Map<String, String> fields) {
    return send(navigation(form(path, fields)));
  }

  /** A script posting a form's fields. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    return send(scripted(form(path, fields)));
  }

  /** A script's call with a bearer token, no cookies needed. */
  HttpResponse<String> fetchWithToken(String path, String token) {
    return send(scripted(HttpRequest.newBuilder(uri(path)).GET()).header("Authorization", "Bearer " + token));
  }

  /** Logs in through Spring Security's own login page and form. */
  void login(String user) {
    logIn(user);
  }

  /** Logs in as {@link #login} does, and returns Spring Security's redirect after the login. */
  HttpResponse<String> logIn(String user) {
    HttpResponse<String> page = navigate("/login");
    if (page.statusCode() != 200 || !page.body().contains("name=\"username\"")) {
      throw new AssertionError("no login page: " + describe(page));
    }
    HttpResponse<String> done = submit("/login", Map.of("username", user, "password", "password", "_csrf", csrf(page)));
    if (done.statusCode() != 302 || done.headers().firstValue("Location").orElse("").contains("error")) {
      throw new AssertionError("login failed: " + describe(done));
    }
    return done;
  }

  /** Logs out through Spring Security's logout page and form, which end the session. */
  void logout() {
    HttpResponse<String> page = navigate("/logout");
    if (page.statusCode() != 200) {
      throw new AssertionError("no logout page: " + describe(page));
    }
    HttpResponse<String> done = submit("/logout", Map.of("_csrf", csrf(page)));
    if (done.statusCode() != 302 || !done.headers().firstValue("Location").orElse("").contains("logout")) {
      throw new AssertionError("logout failed: " + describe(done));
    }
  }

  /** The CSRF token a page's form carries. */
  static String csrf(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw new AssertionError("no CSRF token in " + describe(page));
    }
    return matcher.group(1);
  }

  /** The session cookie the jar holds, or {@code null}. */
  String sessionCookie() {
    return cookie("JSESSIONID");
  }

  /** The value of the cookie {@code name} the jar holds, or {@code null}. */
  String cookie(String name) {
    return jar.getCookieStore().get(uri("/")).stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** Empties the jar, as a new browser (or a private window) starts. */
  void forgetCookies() {
    jar.getCookieStore().removeAll();
  }

  /** Puts a session cookie in the jar, as one the browser kept from an earlier visit. */
  void keepSessionCookie(String value) {
    keepCookie("JSESSIONID", value);
  }

  /**
   * Puts the cookie {@code name} in the jar, as one the browser kept from an earlier visit: for
   * this host (the jar's own domain for cookies without one), so that a deletion replaces it.
   */
  void keepCookie(String name, String value) {
    HttpCookie cookie = new HttpCookie(name, value);
    cookie.setDomain(uri("/").getHost());
    cookie.setPath("/");
    cookie.setVersion(0);
    jar.getCookieStore().add(uri("/"), cookie);
  }

  /** Ends the session on the server; the jar keeps its cookie, as a browser does. */
  void invalidateSession() {
    HttpResponse<String> done = fetch("/test/session/invalidate");
    if (done.statusCode() != 200) {
      throw new AssertionError("could not invalidate: " + describe(done));
    }
  }

  private HttpRequest.Builder form(String path, Map<String, String> fields) {
    String body = new LinkedHashMap<>(fields).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder navigation(HttpRequest.Builder request) {
    return request.header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
  }

  private static HttpRequest.Builder scripted(HttpRequest.Builder request) {
    return request.header("Sec-Fetch-Mode", "cors").header("Accept", "application/json");
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String describe(HttpResponse<String> response) {
    return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
        + response.headers().map() + "\n" + response.body();
  }

  static List<String> setCookies(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie");
  }
}
