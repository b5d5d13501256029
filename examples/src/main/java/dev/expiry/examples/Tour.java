package dev.expiry.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks through the example application the way its clients would, printing every exchange: logs
 * in, uses each endpoint with the live session, lets a CSRF token go stale, gets a bearer token,
 * waits for the session and the token to time out, calls each endpoint again as a browser and as
 * a script, and finally follows the login page back to where the browser was. Every expiry answer
 * is checked against what the endpoint's policy declares.
 *
 * <p>An expiry answer deletes the stale session cookie, and the tour's cookie store obeys. To call
 * every endpoint with the expired session, the tour presents the stale cookie again before each
 * call, as a client that kept it would (or {@code curl -b jar}, which never updates the jar).
 */
public final class Tour {

  /** The headers worth showing for each exchange. */
  private static final List<String> SHOWN_HEADERS = List.of(
      "WWW-Authenticate", "Location", "Cache-Control", "Vary", "Content-Type", "Set-Cookie");

  private static final String SESSION_COOKIE = "JSESSIONID";

  /** What a browser sends when the user navigates to a page. */
  private static final Map<String, String> NAVIGATE = Map.of(
      "Sec-Fetch-Mode", "navigate",
      "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

  /** What a browser's fetch() sends. */
  private static final Map<String, String> FETCH = Map.of("Sec-Fetch-Mode", "cors", "Accept", "*/*");

  /** curl's defaults. */
  private static final Map<String, String> CURL = Map.of("Accept", "*/*");

  /** A request, and the answer the endpoint's {@code @ExpiryPolicy} declares for it. */
  private record Stop(String path, Map<String, String> headers, int status, String header, String value) {}

  private static final List<Stop> EXPIRED_SESSION = List.of(
      new Stop("/api/orders", CURL, 401, "WWW-Authenticate", "MyAuthScheme realm=\"http://example.com\""),
      new Stop("/api/profile", CURL, 401, "WWW-Authenticate",
          "Bearer realm=\"example\", error=\"invalid_token\", "
              + "error_description=\"The session has expired\""),
      new Stop("/account", NAVIGATE, 303, "Location", "/login?next=%2Faccount"),
      new Stop("/account", FETCH, 401, "WWW-Authenticate",
          "MyAuthScheme realm=\"example\", error=\"session_expired\""),
      new Stop("/legacy/cart", CURL, 419, "Cache-Control", "no-store"),
      // Spring MVC behind its DispatcherServlet: the policy of the route the request maps to.
      new Stop("/shop/catalog/42", NAVIGATE, 303, "Location", "/login?next=%2Fshop%2Fcatalog%2F42"),
      new Stop("/shop/catalog/42", FETCH, 401, "WWW-Authenticate", "MyAuthScheme realm=\"shop\""));

  private static final Pattern TOKEN = Pattern.compile("\"access_token\": \"([0-9a-f]+)\"");

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
    HttpResponse<String> login = exchange("POST", "/login", CURL, null);
    expect(login.statusCode() == 200, "login: expected 200, got " + login.statusCode());
    HttpCookie session = sessionCookie();
    expect(session != null, "login: expected a " + SESSION_COOKIE + " cookie");
    if (session == null) {
      return report();
    }

    heading("Call each endpoint with the live session");
    for (Stop stop : EXPIRED_SESSION) {
      HttpResponse<String> response = exchange("GET", stop.path(), stop.headers(), null);
      expect(response.statusCode() == 200,
          stop.path() + ": expected 200 with a live session, got " + response.statusCode());
    }

    heading("Open the form twice, as in two tabs, and post the first copy: its CSRF token is stale");
    String stale = exchange("GET", "/form", NAVIGATE, null).headers().firstValue("X-CSRF-Token").orElse("");
    String current = exchange("GET", "/form", NAVIGATE, null).headers().firstValue("X-CSRF-Token").orElse("");
    HttpResponse<String> stalePost = exchange("POST", "/form", FETCH, "csrf=" + stale + "&street=Main+St");
    expect(stalePost.statusCode() == 403 && stalePost.body().contains("\"title\":\"Form expired\""),
        "stale CSRF token: expected 403 with the form's problem title, got " + stalePost.statusCode()
            + " " + stalePost.body());
    expect(stalePost.headers().allValues("Set-Cookie").isEmpty(),
        "stale CSRF token: the session is fine, its cookie must stay");
    HttpResponse<String> currentPost = exchange("POST", "/form", FETCH, "csrf=" + current + "&street=Main+St");
    expect(currentPost.statusCode() == 200, "current CSRF token: expected 200, got " + currentPost.statusCode());

    heading("Get a bearer token that lives " + ExampleApp.SESSION_TIMEOUT_SECONDS + " second, and use it");
    Matcher token = TOKEN.matcher(exchange("POST", "/api/stock/token", CURL, null).body());
    String bearer = token.find() ? token.group(1) : "";
    expect(!bearer.isEmpty(), "token: expected an access_token");
    Map<String, String> withToken = Map.of("Accept", "application/json", "Authorization", "Bearer " + bearer);
    HttpResponse<String> stock = exchange("GET", "/api/stock", withToken, null);
    expect(stock.statusCode() == 200, "/api/stock with a live token: expected 200, got " + stock.statusCode());

    long waitMillis = ExampleApp.SESSION_TIMEOUT_SECONDS * 1000L + 500;
    heading("Wait " + waitMillis + " ms, until the session and the token have timed out");
    Thread.sleep(waitMillis);

    heading("Call each endpoint with the expired session, as a browser, fetch() or curl would");
    for (Stop stop : EXPIRED_SESSION) {
      cookies.getCookieStore().add(root, session);
      checkExpiryAnswer(stop, exchange("GET", stop.path(), stop.headers(), null));
      expect(sessionCookie() == null,
          stop.path() + ": expected the answer to delete the stale session cookie");
    }

    heading("Call the stock API with the expired token");
    checkExpiryAnswer(new Stop("/api/stock", withToken, 401, "WWW-Authenticate",
            "Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\""),
        exchange("GET", "/api/stock", withToken, null));

    heading("Log in on the page the browser was sent to: it sends the browser back");
    HttpResponse<String> form = exchange("GET", "/login?next=%2Faccount", NAVIGATE, null);
    expect(form.statusCode() == 200 && form.body().contains("name=\"next\" value=\"/account\""),
        "the login page: expected 200 and a form that returns to /account, got " + form.statusCode());
    HttpResponse<String> back = exchange("POST", "/login?next=%2Faccount", NAVIGATE, null);
    expect(back.statusCode() == 303 && back.headers().firstValue("Location").orElse("").equals("/account"),
        "login with next: expected 303 back to /account, got " + back.statusCode() + " " + back.headers().map());
    HttpResponse<String> account = exchange("GET", "/account", NAVIGATE, null);
    expect(account.statusCode() == 200, "/account after logging in again: expected 200, got " + account.statusCode());
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
    String where = stop.path() + " " + stop.headers().keySet() + ": ";
    expect(response.statusCode() == stop.status(),
        where + "expected status " + stop.status() + ", got " + response.statusCode());
    List<String> values = response.headers().allValues(stop.header());
    expect(values.equals(List.of(stop.value())),
        where + "expected " + stop.header() + ": " + stop.value() + ", got " + values);
    List<String> cacheControl = response.headers().allValues("Cache-Control");
    expect(cacheControl.equals(List.of("no-store")),
        where + "expected Cache-Control: no-store, got " + cacheControl);
    if (stop.status() / 100 == 3) {
      expect(response.body().isEmpty(), where + "expected an empty body");
    } else {
      String type = response.headers().firstValue("Content-Type").orElse("");
      expect(type.equals("application/problem+json")
              && response.body().contains("\"status\":" + stop.status() + ","),
          where + "expected an RFC 9457 problem body, got " + type + " " + response.body());
    }
  }

  private void expect(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
  }

  private void heading(String text) {
    out.println();
    out.println("== " + text);
  }

  /**
   * Sends a request (with a form body when {@code form} is not null) and prints the request line,
   * the headers that decide the kind of client, and the answer.
   */
  private HttpResponse<String> exchange(String method, String path, Map<String, String> headers, String form)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path.substring(1)))
        .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    if (form != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    out.println();
    out.println("> " + method + " " + path);
    headers.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .filter(h -> !h.getKey().equals("Authorization"))
        .forEach(h -> out.println("> " + h.getKey() + ": " + h.getValue()));
    if (form != null) {
      out.println("> " + form);
    }
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
