package dev.expiry.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Walks through the example application the way a client would, printing every exchange: logs in,
 * calls each endpoint with the live session, waits for the session to time out, then calls each
 * endpoint again and checks that the answer is exactly what the endpoint's policy declares.
 *
 * <p>An expiry answer deletes the stale session cookie, and the tour's cookie store obeys. To call
 * every endpoint with the expired session, the tour presents the stale cookie again before each
 * call, as a client that kept it would (or {@code curl -b jar}, which never updates the jar).
 */
public final class Tour {

  /** The headers worth showing for each exchange. */
  private static final List<String> SHOWN_HEADERS =
      List.of("WWW-Authenticate", "Location", "Cache-Control", "Content-Type", "Set-Cookie");

  private static final String SESSION_COOKIE = "JSESSIONID";

  /** An endpoint and the answer its {@code @ExpiryPolicy} declares for an expired session. */
  private record Stop(String path, int status, String header, String value) {}

  private static final List<Stop> STOPS = List.of(
      new Stop("/api/orders", 401, "WWW-Authenticate", "MyAuthScheme realm=\"http://example.com\""),
      new Stop("/api/profile", 401, "WWW-Authenticate",
          "Bearer realm=\"example\", error=\"invalid_token\", "
              + "error_description=\"The session has expired\""),
      new Stop("/account", 303, "Location", "/login"));

  private final URI root;
  private final PrintStream out;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final List<String> problems = new ArrayList<>();

  /**
   * A tour of the application at {@code root} (such as {@code http://localhost:8080/}), printed to
   * {@code out}. The tour keeps cookies like a browser and does not follow redirects.
   */
  public Tour(URI root, PrintStream out) {
    this.root = Objects.requireNonNull(root);
    this.out = Objects.requireNonNull(out);
    this.http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * Takes the tour once.
   *
   * @return whether every answer was the expected one; the differences are printed
   * @throws IOException if the application cannot be reached
   */
  public boolean run() throws IOException, InterruptedException {
    heading("Log in; the session times out after " + ExampleApp.SESSION_TIMEOUT_SECONDS
        + " second of inactivity");
    HttpResponse<String> login = exchange("POST", "/login");
    check(login.statusCode() == 200, "login: expected 200, got " + login.statusCode());
    HttpCookie session = sessionCookie();
    check(session != null, "login: expected a " + SESSION_COOKIE + " cookie");
    if (session == null) {
      return report();
    }

    heading("Call each endpoint with the live session");
    for (Stop stop : STOPS) {
      HttpResponse<String> response = exchange("GET", stop.path());
      check(response.statusCode() == 200,
          stop.path() + ": expected 200 with a live session, got " + response.statusCode());
    }

    long waitMillis = ExampleApp.SESSION_TIMEOUT_SECONDS * 1000L + 500;
    heading("Wait " + waitMillis + " ms, until the session has timed out");
    Thread.sleep(waitMillis);

    heading("Call each endpoint with the expired session");
    for (Stop stop : STOPS) {
      cookies.getCookieStore().add(root, session);
      checkExpiryAnswer(stop, exchange("GET", stop.path()));
      check(sessionCookie() == null,
          stop.path() + ": expected the answer to delete the stale session cookie");
    }
    return report();
  }

  /** Prints the outcome; whether every answer was the expected one. */
  private boolean report() {
    out.println();
    if (problems.isEmpty()) {
      out.println("Every answer is the one its policy declares.");
    } else {
      out.println(problems.size() + " answer(s) differ:");
      problems.forEach(problem -> out.println("  - " + problem));
    }
    return problems.isEmpty();
  }

  /** The session cookie the client holds for the application, or {@code null}. */
  private HttpCookie sessionCookie() {
    return cookies.getCookieStore().get(root).stream()
        .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
        .findFirst()
        .orElse(null);
  }

  private void checkExpiryAnswer(Stop stop, HttpResponse<String> response) {
    String where = stop.path() + " with the expired session: ";
    check(response.statusCode() == stop.status(),
        where + "expected status " + stop.status() + ", got " + response.statusCode());
    List<String> values = response.headers().allValues(stop.header());
    check(values.equals(List.of(stop.value())),
        where + "expected " + stop.header() + ": " + stop.value() + ", got " + values);
    List<String> cacheControl = response.headers().allValues("Cache-Control");
    check(cacheControl.equals(List.of("no-store")),
        where + "expected Cache-Control: no-store, got " + cacheControl);
    if (stop.status() / 100 == 3) {
      check(response.body().isEmpty(), where + "expected an empty body");
    } else {
      String type = response.headers().firstValue("Content-Type").orElse("");
      check(type.equals("application/problem+json")
              && response.body().contains("\"status\":" + stop.status() + ","),
          where + "expected an RFC 9457 problem body, got " + type + " " + response.body());
    }
  }

  private void check(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
  }

  private void heading(String text) {
    out.println();
    out.println("== " + text);
  }

  /** Sends a request without a body and prints the request line and the answer. */
  private HttpResponse<String> exchange(String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(root.resolve(path.substring(1)))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(10))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    out.println();
    out.println("> " + method + " " + path);
    out.println("< " + response.statusCode());
    for (String name : SHOWN_HEADERS) {
      response.headers().allValues(name).forEach(value -> out.println("< " + name + ": " + value));
    }
    if (response.statusCode() != 200 && !response.body().isEmpty()) {
      out.println("<");
      out.println("< " + response.body().strip());
    }
    return response;
  }
}
