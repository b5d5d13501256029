package dev.expiry.examples.boot;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.PrintStream;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Walks through the shop's expiries the way its clients meet them, printing every exchange: a
 * page and its API with an expired session, the login round trip back to the page, a stale CSRF
 * token, a form posted after the session expired, an expired JWT, and a session that concurrency
 * control expired. An expired session is a session cookie the server no longer knows, as after a
 * timeout. Every answer is checked against what the endpoint's policy declares.
 */
public final class ShopTour {

  private static final List<String> SHOWN_HEADERS = List.of("Location", "WWW-Authenticate", "Content-Type",
      "Set-Cookie", "X-Frame-Options");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final URI root;
  private final PrintStream out;
  private final ShopTokens tokens;
  private final List<String> problems = new ArrayList<>();

  /** A tour of the shop at {@code root}, printed to {@code out}; {@code tokens} signs the expired JWT. */
  public ShopTour(URI root, PrintStream out, ShopTokens tokens) {
    this.root = root;
    this.out = out;
    this.tokens = tokens;
  }

  /** Takes the tour once; returns whether every answer was the declared one (the differences are printed). */
  public boolean run() throws IOException, InterruptedException, JOSEException {
    Browser alice = new Browser();
    heading("Log in as alice with Spring Security's login page; the session then expires");
    alice.logIn("alice");
    alice.expireSession();
    expect(alice.navigate("/orders"), 303, "Location", "/login");
    expect(alice.fetch("/api/orders"), 401, "WWW-Authenticate", "Session realm=\"shop\"");

    heading("The browser follows the 303 to the login page, logs in, and is back on /orders");
    alice.expireSession();
    expect(alice.navigate("/orders"), 303, "Location", "/login");
    HttpResponse<String> back = alice.logIn("alice");
    expect(back, 302, "Location", root.resolve("/orders").toString());
    expect(alice.navigate("/orders"), 200, null, null);

    heading("A form posted with a stale CSRF token gets the form's CSRF policy");
    String token = csrf(alice.navigate("/address"));
    expect(alice.submit("/address", Map.of("street", "Main St", "_csrf", "stale" + token)), 403, "Content-Type",
        "text/html;charset=UTF-8");

    heading("A form posted after the session expired gets the session policy, not a 403");
    token = csrf(alice.navigate("/address"));
    alice.expireSession();
    expect(alice.submit("/address", Map.of("street", "Main St", "_csrf", token)), 303, "Location", "/login");

    heading("An expired JWT gets the stock API's access-token policy");
    expect(new Browser().fetchWithToken("/api/stock", expiredJwt()), 401, "WWW-Authenticate",
        "Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The access token expired\"");

    heading("bob logs in twice: maximumSessions(1) expires the first session");
    Browser first = new Browser();
    first.logIn("bob");
    new Browser().logIn("bob");
    expect(first.navigate("/orders"), 303, "Location", "/login");

    out.println();
    out.println(problems.isEmpty() ? "Every answer was the declared one." : problems.size() + " answer(s) differ:");
    problems.forEach(p -> out.println("  " + p));
    return problems.isEmpty();
  }

  private String expiredJwt() throws JOSEException {
    Instant expired = Instant.now().minus(Duration.ofMinutes(10));
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("alice")
        .issueTime(Date.from(expired.minus(Duration.ofMinutes(5)))).expirationTime(Date.from(expired)).build());
    jwt.sign(new MACSigner(tokens.key()));
    return jwt.serialize();
  }

  private void expect(HttpResponse<String> response, int status, String header, String value) {
    String got = header == null ? null : response.headers().firstValue(header).orElse(null);
    if (response.statusCode() != status || header != null && !value.equalsIgnoreCase(got)) {
      problems.add(response.request().method() + " " + response.uri().getPath() + ": expected " + status
          + (header == null ? "" : " with " + header + ": " + value) + ", got " + response.statusCode()
          + (header == null ? "" : " with " + header + ": " + got));
    }
  }

  private String csrf(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      problems.add(page.uri().getPath() + ": no CSRF token in the page");
      return "";
    }
    return matcher.group(1);
  }

  private void heading(String text) {
    out.println();
    out.println("== " + text);
  }

  /** One browser: a cookie jar of its own; follows no redirect by itself. */
  private final class Browser {

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).cookieHandler(jar).build();

    HttpResponse<String> logIn(String user) throws IOException, InterruptedException {
      HttpResponse<String> page = navigate("/login");
      expect(page, 200, null, null);
      return submit("/login", Map.of("username", user, "password", "password", "_csrf", csrf(page)));
    }

    /** The server no longer knows the browser's session cookie, as after a timeout. */
    void expireSession() {
      jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).toList()
          .forEach(c -> jar.getCookieStore().remove(root, c));
      HttpCookie stale = new HttpCookie("JSESSIONID", "expired-on-the-tour");
      stale.setPath("/");
      stale.setVersion(0);
      jar.getCookieStore().add(root, stale);
    }

    HttpResponse<String> navigate(String path) throws IOException, InterruptedException {
      return send(navigation(HttpRequest.newBuilder(root.resolve(path)).GET()));
    }

    HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(root.resolve(path)).GET().header("Sec-Fetch-Mode", "cors")
          .header("Accept", "application/json"));
    }

    HttpResponse<String> fetchWithToken(String path, String token) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(root.resolve(path)).GET().header("Accept", "application/json")
          .header("Authorization", "Bearer " + token));
    }

    HttpResponse<String> submit(String path, Map<String, String> fields) throws IOException, InterruptedException {
      String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return send(navigation(HttpRequest.newBuilder(root.resolve(path))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private HttpRequest.Builder navigation(HttpRequest.Builder request) {
      return request.header("Sec-Fetch-Mode", "navigate").header("Accept", "text/html,*/*;q=0.8");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
      HttpRequest request = builder.timeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      out.println(request.method() + " " + request.uri().getRawPath()
          + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()) + "  ->  "
          + response.statusCode());
      for (String header : SHOWN_HEADERS) {
        response.headers().allValues(header).forEach(v -> out.println("    " + header + ": " + v));
      }
      return response;
    }
  }
}
