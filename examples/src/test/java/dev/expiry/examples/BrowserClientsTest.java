package dev.expiry.examples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example application in a real browser, headless Chromium, with the real client libraries
 * (htmx, Turbo, Inertia's router, Jakarta Faces' faces.js, axios and jQuery behind Expiry's client
 * script): after the session expired, every way a page asks for something ends with the whole page
 * on the login page, which sends the user back; script gets the challenge. Pages are served from
 * {@code http://localhost} (Chromium sends Fetch Metadata) and, for the cases that differ, from a
 * plain-HTTP host name Chromium resolves to the loopback address (it sends none). One browser for
 * all tests; screenshots of each login page reached, and the request headers Chromium sent, go to
 * {@code target/browser/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserClientsTest {

  private static final Path OUT = Path.of("target", "browser");
  private static final String CHALLENGE = "MyAuthScheme realm=\"example\", error=\"session_expired\"";

  /** A request the server answered, with the headers the browser really sent. */
  record Exchange(String method, String path, Map<String, String> headers, int status, Map<String, String> answer) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
  private final AtomicInteger staleIds = new AtomicInteger();
  private ExampleApp app;
  private ChromeDriver browser;
  private String base;
  private String plainBase;

  @BeforeAll
  void start() throws Exception {
    app = ExampleApp.start(0, (server, context) -> {
      context.addServlet(ClientPagesServlet.class, "/clients/*");
      context.addServlet(LibraryServlet.class, "/lib/*");
      context.addServlet(BasicChallengeServlet.class, "/basic");
      server.setRequestLog((request, response) -> exchanges.add(new Exchange(request.getMethod(),
          request.getHttpURI().getPathQuery(), headers(request.getHeaders()), response.getStatus(),
          headers(response.getHeaders()))));
    });
    base = app.uri().toString().replaceFirst("/$", "");
    // The same server under a name Chromium maps to the loopback address: plain HTTP to a host other
    // than localhost, an origin that is not potentially trustworthy.
    plainBase = "http://" + Chromium.PLAIN_HOST + ":" + app.uri().getPort();
    Files.createDirectories(OUT);
    browser = Chromium.start(OUT.resolve("profile-" + ProcessHandle.current().pid()));
  }

  private static Map<String, String> headers(Iterable<HttpField> fields) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (HttpField field : fields) {
      map.merge(field.getName().toLowerCase(Locale.ROOT), field.getValue(), (a, b) -> a + "\n" + b);
    }
    return map;
  }

  /** What each client library sent and got, written to {@code target/browser/client-headers.md}. */
  private final List<String> libraryRows = new CopyOnWriteArrayList<>();

  private void note(String client, Exchange e) {
    String answer = e.status() + " " + e.answer().entrySet().stream()
        .filter(h -> List.of("location", "hx-redirect", "x-inertia-location", "content-type").contains(h.getKey()))
        .map(h -> h.getKey() + ": " + h.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    libraryRows.add("| " + client + " | " + e.header("Sec-Fetch-Mode") + " | `" + e.header("Accept") + "` | "
        + List.of("HX-Request", "HX-Current-URL", "Turbo-Frame", "X-Turbo-Request-Id", "X-Inertia", "X-Requested-With",
            "Faces-Request").stream().filter(h -> !e.header(h).isEmpty()).map(h -> h + ": " + e.header(h))
            .reduce((a, b) -> a + ", " + b).orElse("").replace(base, "http://localhost:PORT") + " | " + answer + " |");
  }

  @AfterAll
  void stop() throws Exception {
    if (!libraryRows.isEmpty()) {
      Files.writeString(OUT.resolve("client-headers.md"), "| client | Sec-Fetch-Mode | Accept | its headers | answer |\n"
          + "| --- | --- | --- | --- | --- |\n" + String.join("\n", libraryRows) + "\n");
    }
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void clean() {
    browser.manage().deleteAllCookies();
    exchanges.clear();
  }

  // --- navigation and the login round trip ------------------------------------------------------

  @Test
  void navigationAfterARealExpiryLandsOnTheLoginPageAndComesBack() throws Exception {
    logInOnAccountAndLetTheSessionExpire(base);

    browser.navigate().refresh();

    assertOnLoginPage("/account", "navigation");
    Exchange expired = exchange("GET", "/account");
    assertEquals(303, expired.status(), expired::toString);
    assertTrue(expired.answer().getOrDefault("set-cookie", "").startsWith("JSESSIONID=;"), expired::toString);
    logInAndReturnTo("/account");
    assertEquals("Your account", browser.getTitle());
  }

  // --- script --------------------------------------------------------------------------------

  @Test
  void fetchAndXhrGetTheChallengeAndTheProblem() {
    browser.get(base + "/clients/probe/page");
    staleSession();
    @SuppressWarnings("unchecked")
    Map<String, Object> fetched = (Map<String, Object>) browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/account', {headers: {'Accept': 'application/json'}}).then(r => r.text().then(body => done({
          status: r.status, challenge: r.headers.get('WWW-Authenticate'), type: r.headers.get('Content-Type'),
          body: body, redirected: r.redirected})));""");
    staleSession();
    @SuppressWarnings("unchecked")
    Map<String, Object> xhr = (Map<String, Object>) browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const x = new XMLHttpRequest();
        x.open('GET', '/account');
        x.onload = () => done({status: x.status, challenge: x.getResponseHeader('WWW-Authenticate'),
          type: x.getResponseHeader('Content-Type'), body: x.responseText, url: x.responseURL});
        x.send();""");

    for (Map<String, Object> answer : List.of(fetched, xhr)) {
      assertAll(answer.toString(),
          () -> assertEquals(401L, answer.get("status")),
          () -> assertEquals(CHALLENGE, answer.get("challenge")),
          () -> assertEquals("application/problem+json", answer.get("type")),
          () -> assertTrue(String.valueOf(answer.get("body")).startsWith("{\"type\":\"https://expiry.dev/problems/session-expired\",\"title\":\"Session expired\",\"status\":401,")),
          // The page the script runs on is where the login page sends the user back.
          () -> assertTrue(String.valueOf(answer.get("body")).endsWith(
              "\"instance\":\"/account\",\"login\":\"/login?next=%2Fclients%2Fprobe%2Fpage\"}")));
    }
    assertEquals(false, fetched.get("redirected"));
  }

  // --- Expiry's client script ------------------------------------------------------------------

  @Test
  void clientScriptInRedirectModeSendsThePageToTheLoginPageAndBack() {
    browser.get(base + "/clients/script/redirect");
    waitForScript("return !!window.Expiry");
    staleSession();

    browser.findElement(By.id("go")).click();

    assertOnLoginPage("/clients/script/redirect", "script-redirect");
    assertEquals(401, exchange("GET", "/clients/api").status());
    logInAndReturnTo("/clients/script/redirect");
  }

  @Test
  void clientScriptInPopupModeSendsTheRequestAgainOnceWhenTheUserClosesThePopup() {
    browser.get(base + "/clients/script/popup");
    waitForScript("return !!window.Expiry");
    String page = browser.getWindowHandle();
    staleSession();

    browser.findElement(By.id("go")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> browser.getWindowHandles().size() == 2);
    String popup = browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
    browser.switchTo().window(popup);
    assertOnLoginPage("/clients/script/popup", "script-popup-closed");
    browser.close();
    browser.switchTo().window(page);

    // /clients/api answers anyone: the request sent again without a session gets its answer.
    waitForOut("ok: true");
    assertEquals(List.of(401, 200), exchanges.stream().filter(e -> e.path().equals("/clients/api"))
        .map(Exchange::status).toList(), "the failed request, then once more after the popup closed");
    assertFalse(exchanges.stream().filter(e -> e.path().equals("/clients/api")).skip(1).findFirst().orElseThrow()
        .header("Cookie").contains("JSESSIONID"), "no login happened: no session");
  }

  @Test
  void clientScriptInPopupModeLogsInInAPopupAndRetriesTheRequest() {
    retryAfterALoginInThePopup("go", "ok: true", "script-popup");
  }

  /**
   * On the popup-mode page, lets the session expire and clicks {@code button}, whose request to
   * {@code /clients/api} fails; logs in in the popup; asserts that the page stayed, showed {@code
   * out}, and that the server saw the request fail (401), then its retry (200).
   */
  private void retryAfterALoginInThePopup(String button, String out, String screenshot) {
    browser.get(base + "/clients/script/popup");
    waitForScript("return !!window.Expiry");
    browser.executeScript("window.stayed = true; sessionStorage.clear()");
    String page = browser.getWindowHandle();
    staleSession();
    exchanges.clear();

    browser.findElement(By.id(button)).click();

    logInInThePopup(page, "/clients/script/popup", screenshot);
    waitForOut(out);
    assertEquals(Boolean.TRUE, browser.executeScript("return window.stayed"), "the page did not navigate");
    assertEquals(base + "/clients/script/popup", browser.getCurrentUrl());
    assertEquals(List.of(401, 200), exchanges.stream().filter(e -> e.path().equals("/clients/api"))
        .map(Exchange::status).toList(), "the failed request, then its retry");
  }

  @Test
  void clientScriptKeepsWhatWasTypedInAFormThroughAnExpiryAndTheLogin() throws Exception {
    browser.get(base + "/login?next=%2Fform");
    browser.findElement(By.id("login")).click();
    waitForPath("/form");
    String staleToken = browser.findElement(By.name("csrf")).getAttribute("value");
    browser.findElement(By.id("street")).sendKeys("12 Long Street");
    Thread.sleep((ExampleApp.SESSION_TIMEOUT_SECONDS + 1) * 1000L + 100);

    browser.findElement(By.id("save")).click();

    assertOnLoginPage("/form", "form-keep");
    logInAndReturnTo("/form");
    String street = browser.findElement(By.id("street")).getAttribute("value");
    String token = browser.findElement(By.name("csrf")).getAttribute("value");
    browser.findElement(By.id("save")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
        .until(b -> browser.findElement(By.tagName("body")).getText().contains("Address saved."));
    assertEquals("12 Long Street", street, "what was typed, restored");
    assertFalse(token.equals(staleToken), "the new page's CSRF token, not the stale one");
  }

  @Test
  void clientScriptInRedirectModeSendsAnXhrsPageToTheLoginPageBeforeItsHandlersSeeThe401() {
    browser.get(base + "/clients/script/redirect");
    waitForScript("return !!window.Expiry");
    browser.executeScript("sessionStorage.clear()");
    staleSession();

    browser.findElement(By.id("xhr")).click();

    assertOnLoginPage("/clients/script/redirect", "script-xhr-redirect");
    assertEquals(401, exchange("GET", "/clients/api").status());
    // What the page's handlers saw before it left: open() and send(), nothing of the answer.
    List<String> seen = seenByTheXhr();
    assertEquals(List.of("on readystatechange 1 0", "on loadstart 1 0"),
        seen.stream().map(e -> String.join(" ", List.of(e.split(" ")).subList(0, 4))).toList(), seen::toString);
    assertEquals("https://expiry.dev/problems/session-expired ", browser.executeScript("return sessionStorage.expiry"));
    logInAndReturnTo("/clients/script/redirect");
  }

  @Test
  void clientScriptInPopupModeRetriesAnXhrWhoseHandlersSeeOnlyTheRetry() {
    // A plain XHR, then one with responseType json and a timeout, which its retry has too.
    for (Map<String, Object> request : List.<Map<String, Object>>of(Map.of(), Map.of("type", "json", "timeout", 5000))) {
      String button = request.isEmpty() ? "xhr" : "xhr-json";
      retryAfterALoginInThePopup(button, "xhr: 200 {\"ok\":true}", "script-" + button + "-popup");

      assertEquals("https://expiry.dev/problems/session-expired ", browser.executeScript("return sessionStorage.expiry"));
      List<String> seen = seenByTheXhr();
      assertAll(button + ": " + seen,
          () -> assertEquals(List.of("on load 4 200 OK true 11 11 {\"ok\":true}"),
              seen.stream().filter(e -> e.startsWith("on load ")).toList(), "onload, once, with the retry's answer"),
          () -> assertEquals(List.of("listener load 4 200 OK true 11 11 {\"ok\":true}"),
              seen.stream().filter(e -> e.startsWith("listener load ")).toList(), "the load listener, once"),
          () -> assertTrue(seen.get(seen.size() - 1).startsWith("on loadend 4 200 "), "onloadend, last"),
          () -> assertTrue(seen.stream().noneMatch(e -> e.contains(" 401 ")), "nothing of the 401"));
      // Event for event what a native XHR sees of the same answer (without a cookie, so not expired).
      browser.manage().deleteAllCookies();
      Map<String, Object> again = new java.util.HashMap<>(request);
      again.put("url", "/clients/api");
      assertEquals(watched("NativeXHR", again).get("seen"), seen, button);
    }
  }

  @Test
  void clientScriptDeliversEveryOtherXhrAnswerAsANativeXhrDoes() {
    browser.get(base + "/clients/script/popup");
    waitForScript("return !!window.Expiry");
    browser.executeScript("sessionStorage.clear()");
    assertEquals(List.of(true, true, true, false, 4L, 4L, "[object XMLHttpRequest]"), browser.executeScript("""
        const x = new XMLHttpRequest();
        return [x instanceof XMLHttpRequest, x instanceof NativeXHR, x instanceof Expiry.XMLHttpRequest,
          XMLHttpRequest === NativeXHR, XMLHttpRequest.DONE, x.DONE, String(x)];"""));
    List<Runnable> checks = new ArrayList<>();
    // ?chunks: half the problem, a second later the rest; the timeout and the abort come in between.
    for (Map<String, Object> request : List.<Map<String, Object>>of(Map.of("url", "/clients/api"),
        Map.of("url", "/clients/api", "type", "json"), Map.of("url", "/clients/problem"),
        Map.of("url", "/clients/problem", "type", "json"), Map.of("url", "/clients/problem", "type", "arraybuffer"),
        Map.of("url", "/clients/problem", "type", "blob"), Map.of("url", "/clients/problem", "type", "document"),
        Map.of("url", "/clients/problem?chunks"), Map.of("url", "/clients/problem?chunks", "timeout", 500),
        Map.of("url", "/clients/problem?chunks", "abortAfter", 500), Map.of("url", "/clients/problem", "abortAfter", 0),
        Map.of("url", "/clients/problem", "async", false), Map.of("url", "/clients/problem?csrf"),
        Map.of("url", "/clients/problem?csrf", "type", "json"), Map.of("url", "/clients/problem?csrf", "type", "arraybuffer"),
        Map.of("url", "/clients/problem?csrf", "type", "blob"), Map.of("url", "/clients/problem?csrf", "type", "document"),
        Map.of("url", "/clients/problem?csrf", "async", false))) {
      Map<String, Object> expected = watched("NativeXHR", request);
      Map<String, Object> actual = watched("XMLHttpRequest", request);
      String name = request.toString();
      if (request.containsKey("abortAfter") && !request.get("abortAfter").equals(0)) {
        // Aborted while its answer is held back, the page sees what a request aborted before an answer gives.
        Map<String, Object> early = watched("NativeXHR", Map.of("url", request.get("url"), "abortAfter", 0));
        checks.add(() -> assertEquals(early.get("seen"), actual.get("seen"), name));
        checks.add(() -> assertTrue(((List<?>) expected.get("seen")).size() > ((List<?>) early.get("seen")).size(),
            name + ": a native XHR saw the answer begin " + expected.get("seen")));
        continue;
      }
      checks.add(() -> assertEquals(expected.get("seen"), actual.get("seen"), name));
      checks.add(() -> assertEquals(expected.get("headers"), actual.get("headers"), name));
      checks.add(() -> assertEquals(expected.get("url"), actual.get("url"), name));
      if (request.equals(Map.of("url", "/clients/problem?chunks"))) {
        // Held back: the wrapper's page sees HEADERS_RECEIVED only once the whole answer is in.
        checks.add(() -> assertTrue(sinceHeaders(expected) >= 900, name + " native: " + expected.get("times")));
        checks.add(() -> assertTrue(sinceHeaders(actual) < 200, name + " wrapped: " + actual.get("times")));
      }
    }
    assertAll(checks.stream().map(c -> (org.junit.jupiter.api.function.Executable) c::run));
    // Read as text, JSON, ArrayBuffer and Blob, the csrf-token-expired problem is Expiry's (and handed
    // back as it is); as a document, or to a sync request, the wrapper does not read it.
    assertEquals("https://expiry.dev/problems/csrf-token-expired ".repeat(4), browser.executeScript("return sessionStorage.expiry"),
        "an expiry event for each csrf-token-expired answer the wrapper read");
    assertEquals(1, browser.getWindowHandles().size(), "no login popup");
  }

  @Test
  void clientScriptRetriesTheRequestsOfAxiosAndJqueryAfterALoginInThePopup() {
    retryAfterALoginInThePopup("axios", "axios: 200 {\"ok\":true}", "script-axios");
    retryAfterALoginInThePopup("jquery", "jquery: 200 {\"ok\":true}", "script-jquery");
  }

  @Test
  void clientScriptLeavesAxiosAndJqueryAsTheyAreWithANativeXhr() {
    browser.get(base + "/clients/script/popup");
    waitForScript("return !!window.Expiry && !!window.axios && !!window.jQuery");

    Map<String, Object> expected = libraries("NativeXHR");
    Map<String, Object> actual = libraries("XMLHttpRequest");

    assertEquals(Map.of("viaWrapper", false), Map.of("viaWrapper", expected.get("viaWrapper")));
    assertEquals(Map.of("viaWrapper", true), Map.of("viaWrapper", actual.get("viaWrapper")));
    @SuppressWarnings("unchecked")
    Map<String, Object> results = (Map<String, Object>) actual.get("results");
    assertAll(results.toString(),
        () -> assertEquals(expected.get("results"), results),
        () -> assertEquals(List.of(200L, "OK", "application/json", "{\"ok\":true}", base + "/clients/api"),
            results.get("axiosOk")),
        () -> assertEquals(List.of("AxiosError", "ERR_BAD_REQUEST", "Request failed with status code 404"),
            ((List<?>) results.get("axiosProblem")).subList(0, 3)),
        () -> assertEquals("ECONNABORTED", ((List<?>) results.get("axiosTimeout")).get(1)),
        () -> assertEquals("CanceledError", ((List<?>) results.get("axiosAbort")).get(0)),
        () -> assertEquals(List.of("error", 404L, "Not Found"), ((List<?>) results.get("jqueryProblem")).subList(0, 3)),
        () -> assertEquals("timeout", ((List<?>) results.get("jqueryTimeout")).get(0)),
        () -> assertEquals("abort", ((List<?>) results.get("jqueryAbort")).get(0)));
    assertEquals(1, browser.getWindowHandles().size(), "no login popup");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> libraries(String xhrClass) {
    return (Map<String, Object>) browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; libraries(window[arguments[0]]).then(done, e => done({error: String(e)}));",
        xhrClass);
  }

  @Test
  void clientScriptRenewsTheCsrfTokenOfFetchRequestsItRetries() {
    // fetch(url, init) with a string body, then fetch(request) with the body in the Request.
    for (String by : List.of("fetch", "request")) {
      CsrfRetry retry = csrfRetry(by, "csrf-" + by);

      assertEquals("200 {\"saved\":true,\"checked\":2}", retry.out(), by + ": the header and the field");
      List<Exchange> saves = saves(by);
      assertAll(by + ": " + saves,
          () -> assertEquals(List.of(401, 200), saves.stream().map(Exchange::status).toList()),
          () -> assertEquals(List.of(retry.staleToken(), retry.token()),
              saves.stream().map(e -> e.header("X-CSRF-TOKEN")).toList(), "the stale token, then the new session's"));
      assertEquals(403L, postWithToken(retry.staleToken()), by + ": the stale token is not the new session's");
    }
  }

  @Test
  void clientScriptRenewsTheCsrfTokensOfAnXhrItRetries() {
    CsrfRetry retry = csrfRetry("xhr", "csrf-xhr");

    assertEquals("200 {\"saved\":true,\"checked\":3}", retry.out(), "the header, the cookie's header and the field");
    List<Exchange> saves = saves("xhr");
    assertAll(saves.toString(),
        () -> assertEquals(List.of(401, 200), saves.stream().map(Exchange::status).toList()),
        () -> assertEquals(List.of(retry.staleToken(), retry.token()),
            saves.stream().map(e -> e.header("X-CSRF-TOKEN")).toList(), "the meta tag's token"),
        () -> assertEquals(List.of(retry.staleCookie(), retry.cookie()),
            saves.stream().map(e -> e.header("X-XSRF-TOKEN")).toList(), "the cookie's token"));
    assertEquals(403L, postWithToken(retry.staleToken()), "the stale token is not the new session's");
  }

  @Test
  void clientScriptRetriesRequestsThatLeftWithoutTheSessionWhileTheLoginWasUnderWay() {
    browser.get(base + "/login?next=%2Fclients%2Fcsrf");
    browser.findElement(By.id("login")).click();
    waitForPath("/clients/csrf");
    waitForScript("return !!window.Expiry");
    String page = browser.getWindowHandle();
    staleSession();
    exchanges.clear();

    // The first request gets Expiry's answer, which deletes the stale cookie, and the popup opens.
    browser.findElement(By.id("fetch")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> browser.getWindowHandles().size() == 2);
    // Requests the page makes now leave without any session: the application refuses them, the
    // fetch with Expiry's CSRF answer (the token lived in the session), the XHR with a bare 403.
    browser.executeScript("""
        const headers = {'X-CSRF-TOKEN': meta('_csrf')};
        window.later = {};
        fetch('/clients/csrf/save?by=later-fetch', {method: 'POST', headers})
          .then(r => r.text().then(t => { window.later.fetch = r.status + ' ' + t; }));
        const x = new XMLHttpRequest();
        x.open('POST', '/clients/csrf/save?by=later-xhr&plain');
        x.setRequestHeader('X-CSRF-TOKEN', meta('_csrf'));
        x.onload = () => { window.later.xhr = x.status + ' ' + x.responseText; };
        x.send();""");
    for (String by : List.of("later-fetch", "later-xhr&plain")) {
      Exchange refused = exchange("POST", "/clients/csrf/save?by=" + by);
      assertEquals(403, refused.status(), refused::toString);
      assertFalse(refused.header("Cookie").contains("JSESSIONID"), refused::toString);
    }
    assertTrue(exchange("POST", "/clients/csrf/save?by=later-fetch").answer().get("content-type")
        .startsWith("application/problem+json"));
    assertEquals(Map.of(), browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.later), 300);"),
        "nothing handed to the page while the login is under way");

    logInInThePopup(page, "/clients/csrf", "left-logged-out");

    new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> String.valueOf(browser.executeScript(
        "return JSON.stringify(window.later)"))).until(b -> Boolean.TRUE.equals(
            browser.executeScript("return !!(window.later.fetch && window.later.xhr)")));
    assertEquals(Map.of("fetch", "200 {\"saved\":true,\"checked\":1}", "xhr", "200 {\"saved\":true,\"checked\":1}"),
        browser.executeScript("return window.later"), "each sent again after the login, with the new token");
    waitForOut("200 {\"saved\":true,\"checked\":2}");
    for (String by : List.of("later-fetch", "later-xhr&plain")) {
      assertEquals(List.of(403, 200), saves(by).stream().map(Exchange::status).toList(), by + ", sent again once");
    }
  }

  /** The tokens of a CSRF round trip: before the login, after it, and what the page showed. */
  private record CsrfRetry(String staleToken, String staleCookie, String token, String cookie, String out) {}

  /**
   * Logs in to {@code /clients/csrf}, checks that its tokens are the session's, replaces the
   * session's cookie with a stale one, clicks {@code button} (its requests carry the tokens) and
   * logs in in the popup; asserts that the page's meta tag and cookie now hold the new session's
   * tokens, as the popup's page got them from the server, which differ from the stale ones.
   */
  private CsrfRetry csrfRetry(String button, String screenshot) {
    browser.get(base + "/login?next=%2Fclients%2Fcsrf");
    browser.findElement(By.id("login")).click();
    waitForPath("/clients/csrf");
    waitForScript("return !!window.Expiry");
    String staleToken = csrfMeta();
    String staleCookie = browser.manage().getCookieNamed("XSRF-TOKEN").getValue();
    assertEquals(List.of(403L, 200L), List.of(postWithToken("0".repeat(32)), postWithToken(staleToken)),
        "the session's token, and only it, is accepted");
    String page = browser.getWindowHandle();
    staleSession();
    exchanges.clear();

    browser.findElement(By.id(button)).click();

    logInInThePopup(page, "/clients/csrf", screenshot);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !browser.findElement(By.id("out")).getText().isEmpty());
    Exchange fresh = exchange("GET", "/clients/csrf");
    String token = fresh.answer().get("x-csrf-token");
    String cookie = browser.manage().getCookieNamed("XSRF-TOKEN").getValue();
    assertAll(
        () -> assertEquals(200, fresh.status(), "the popup's page, for the new session"),
        () -> assertFalse(token.equals(staleToken), token),
        () -> assertEquals(token, csrfMeta(), "the page's meta tag has the new token"),
        () -> assertTrue(fresh.answer().getOrDefault("set-cookie", "").startsWith("XSRF-TOKEN=" + cookie + ";"),
            fresh.answer().toString()),
        () -> assertFalse(cookie.equals(staleCookie), cookie));
    return new CsrfRetry(staleToken, staleCookie, token, cookie, browser.findElement(By.id("out")).getText());
  }

  private String csrfMeta() {
    return (String) browser.executeScript("return document.querySelector('meta[name=\"_csrf\"]').content");
  }

  /** The status of a POST to {@code /clients/csrf/save} that carries {@code token} in its header. */
  private Long postWithToken(String token) {
    return (Long) browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/clients/csrf/save?by=check', {method: 'POST', headers: {'X-CSRF-TOKEN': arguments[0]}})
          .then(r => done(r.status));""", token);
  }

  /** The saves that {@code by} made, the failed one and its retry, waiting for both a little. */
  private List<Exchange> saves(String by) {
    String path = "/clients/csrf/save?by=" + by;
    new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(exchanges::toString)
        .until(b -> exchanges.stream().filter(e -> e.path().equals(path)).count() >= 2);
    return exchanges.stream().filter(e -> e.method().equals("POST") && e.path().equals(path)).toList();
  }

  /** What the script pages' XHR recorder noted, as kept in {@code sessionStorage}. */
  @SuppressWarnings("unchecked")
  private List<String> seenByTheXhr() {
    return (List<String>) browser.executeScript("return JSON.parse(sessionStorage.getItem('seen') || '[]')");
  }

  /**
   * Runs the script pages' XHR recorder with the class {@code xhrClass} and the request's {@code
   * url} and options: the events seen, their times, the answer's URL and headers.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> watched(String xhrClass, Map<String, Object> request) {
    return (Map<String, Object>) browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        watched(window[arguments[0]], arguments[1].url, arguments[1], (seen, x, times) => done({seen, times,
          url: x.responseURL, headers: x.getAllResponseHeaders().split('\\r\\n').filter(h => !h.startsWith('date:'))}));""",
        xhrClass, request);
  }

  /** Milliseconds from the first HEADERS_RECEIVED to DONE, as the recorder's handlers saw them. */
  private static double sinceHeaders(Map<String, Object> watched) {
    @SuppressWarnings("unchecked")
    List<String> seen = (List<String>) watched.get("seen");
    @SuppressWarnings("unchecked")
    List<Number> times = (List<Number>) watched.get("times");
    int headers = seen.indexOf(seen.stream().filter(e -> e.startsWith("on readystatechange 2 ")).findFirst().orElseThrow());
    int done = seen.indexOf(seen.stream().filter(e -> e.startsWith("on readystatechange 4 ")).findFirst().orElseThrow());
    return times.get(done).doubleValue() - times.get(headers).doubleValue();
  }

  /** The login popup opens on the login page with {@code next}; logs in there and waits for it to close. */
  private void logInInThePopup(String page, String next, String screenshot) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> browser.getWindowHandles().size() == 2);
    String popup = browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
    browser.switchTo().window(popup);
    assertOnLoginPage(next, screenshot);
    browser.findElement(By.id("login")).click();
    browser.switchTo().window(page);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> browser.getWindowHandles().size() == 1);
  }

  private void waitForOut(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> browser.findElement(By.id("out")).getText())
        .until(b -> text.equals(browser.findElement(By.id("out")).getText()));
  }

  // --- client libraries ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "plain HTTP"})
  void htmxFragmentRequestSendsTheWholePageToTheLoginPage(String origin) {
    Exchange fragment = clickAfterExpiry(origin, "/clients/htmx?tab=2", "!!window.htmx", "go",
        "GET", "/clients/htmx/fragment", "/clients/htmx?tab=2", "htmx", "htmx 2.0.8 `hx-get`");

    assertEquals("true", fragment.header("HX-Request"));
    assertEquals(200, fragment.status());
    assertEquals("/login?next=%2Fclients%2Fhtmx%3Ftab%3D2", fragment.answer().get("hx-redirect"));
    logInAndReturnTo("/clients/htmx?tab=2");
    assertEquals("", browser.findElement(By.id("target")).getText(), "nothing swapped into the page");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "plain HTTP"})
  void turboDriveVisitShowsTheLoginPageAsAWholePage(String origin) {
    Exchange visit = clickAfterExpiry(origin, "/clients/turbo", "!!window.Turbo", "visit",
        "GET", "/clients/turbo/next", "/clients/turbo/next", "turbo-visit", "Turbo 8.0.23 Drive visit");

    assertFalse(visit.header("X-Turbo-Request-Id").isEmpty(), visit::toString);
    assertEquals(303, visit.status());
    logInAndReturnTo("/clients/turbo/next");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "plain HTTP"})
  void turboFrameRequestMakesAFullVisitToTheLoginPageBackToThePage(String origin) {
    Exchange frame = clickAfterExpiry(origin, "/clients/turbo", "!!window.Turbo", "frame-link",
        "GET", "/clients/turbo/frame", "/clients/turbo", "turbo-frame", "Turbo 8.0.23 frame");

    assertEquals("box", frame.header("Turbo-Frame"), frame::toString);
    assertEquals(303, frame.status());
    assertEquals("/login?next=%2Fclients%2Fturbo", frame.answer().get("location"));
    logInAndReturnTo("/clients/turbo");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "plain HTTP"})
  void inertiaVisitMakesAFullVisitToTheLoginPage(String origin) {
    Exchange visit = clickAfterExpiry(origin, "/clients/inertia", "!!window.InertiaRouter", "go",
        "GET", "/clients/inertia/next", "/clients/inertia/next", "inertia", "Inertia 2.3.28 `router.visit`");

    assertEquals("true", visit.header("X-Inertia"), visit::toString);
    assertEquals(409, visit.status());
    assertEquals("/login?next=%2Fclients%2Finertia%2Fnext", visit.answer().get("x-inertia-location"));
    logInAndReturnTo("/clients/inertia/next");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "plain HTTP"})
  void facesPartialRequestRedirectsTheWholePage(String origin) {
    Exchange partial = clickAfterExpiry(origin, "/clients/faces", "!!window.faces", "go",
        "POST", "/clients/faces", "/clients/faces", "faces", "Faces 4.1.2 `faces.ajax.request`");

    assertEquals("partial/ajax", partial.header("Faces-Request"), partial::toString);
    assertEquals(200, partial.status());
    logInAndReturnTo("/clients/faces");
  }

  /**
   * Opens {@code page} on {@code origin} ({@code localhost}, or {@code plain HTTP} to another host,
   * without Fetch Metadata), waits until its library is loaded ({@code ready}), lets the session expire
   * and clicks {@code button}; asserts that the whole page ends on the login page with {@code
   * next}, and returns what the server answered the library's request.
   */
  private Exchange clickAfterExpiry(String origin, String page, String ready, String button, String method, String path,
      String next, String screenshot, String client) {
    boolean plain = origin.equals("plain HTTP");
    browser.get((plain ? plainBase : base) + page);
    waitForScript("return " + ready);
    staleSession();

    browser.findElement(By.id(button)).click();

    assertOnLoginPage(next, plain ? screenshot + "-plain-http" : screenshot);
    Exchange exchange = exchange(method, path);
    // The libraries' own headers decide, with or without Fetch Metadata.
    assertEquals(plain, exchange.header("Sec-Fetch-Mode").isEmpty(), exchange::toString);
    if (!plain) {
      note(client, exchange);
    }
    return exchange;
  }

  // --- what Chromium sends, and what Expiry decides -------------------------------------------

  /**
   * One way a page makes a request: how to make it, and the answer Expiry gives it on a
   * potentially trustworthy origin (localhost: Chromium sends Fetch Metadata) and on plain HTTP to
   * another host (none): the status, and whether the stale session cookie stays.
   */
  private record Probe(String name, String method, String path, String script, int status, boolean keeps,
      int plainStatus, boolean plainKeeps) {}

  private static final List<Probe> PROBES = List.of(
      new Probe("navigation", "GET", "/clients/probe/navigate", "location.href = '/clients/probe/navigate'",
          303, false, 303, false),
      new Probe("form post", "POST", "/clients/probe/form", "document.getElementById('post').click()",
          303, false, 303, false),
      new Probe("fetch()", "GET", "/clients/probe/fetch", "fetch('/clients/probe/fetch')", 401, false, 401, false),
      new Probe("fetch() asking for HTML", "GET", "/clients/probe/fetch-html",
          "fetch('/clients/probe/fetch-html', {headers: {Accept: 'text/html'}})", 401, false, 401, false),
      new Probe("XMLHttpRequest", "GET", "/clients/probe/xhr",
          "const x = new XMLHttpRequest(); x.open('GET', '/clients/probe/xhr'); x.send()", 401, false, 401, false),
      new Probe("<img>", "GET", "/clients/probe/image",
          "const i = document.createElement('img'); i.src = '/clients/probe/image'; document.body.append(i)",
          401, true, 401, true),
      // Without Fetch Metadata a script asks for */* as curl does: it is not told apart.
      new Probe("<script>", "GET", "/clients/probe/script",
          "const s = document.createElement('script'); s.src = '/clients/probe/script'; document.head.append(s)",
          401, true, 401, false),
      new Probe("stylesheet", "GET", "/clients/probe/style",
          "const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = '/clients/probe/style';"
              + " document.head.append(l)", 401, true, 401, true),
      new Probe("<link rel=prefetch>", "GET", "/clients/probe/prefetch",
          "const l = document.createElement('link'); l.rel = 'prefetch'; l.href = '/clients/probe/prefetch';"
              + " document.head.append(l)", 401, true, 401, true),
      // Without Sec-Fetch-Dest a frame is a navigation like any other: the login page, in the frame.
      new Probe("<iframe>", "GET", "/clients/probe/frame",
          "const f = document.createElement('iframe'); f.src = '/clients/probe/frame'; document.body.append(f)",
          401, false, 303, false));

  @Test
  void headersChromiumSendsAndTheAnswerEachGets() throws IOException {
    probe(base, false, "request-headers.md");
  }

  @Test
  void headersChromiumSendsOnPlainHttpToAnotherHostAndTheAnswerEachGets() throws IOException {
    probe(plainBase, true, "request-headers-plain-http.md");
  }

  /**
   * Makes each request of {@link #PROBES} from a page of {@code origin} with a stale session,
   * writes what Chromium sent to {@code target/browser/<table>} and asserts the answer each got.
   */
  private void probe(String origin, boolean plain, String table) throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("| request | Sec-Fetch-Mode | Sec-Fetch-Dest | Sec-Fetch-Site | Accept | Upgrade-Insecure-Requests"
        + " | Sec-Purpose | X-Requested-With | answer | stale cookie |");
    rows.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    List<Runnable> checks = new ArrayList<>();
    for (Probe probe : PROBES) {
      browser.get(origin + "/clients/probe/page");
      staleSession();
      browser.executeScript(probe.script());
      Exchange e = exchange(probe.method(), probe.path());
      boolean kept = !e.answer().getOrDefault("set-cookie", "").startsWith("JSESSIONID=;");
      rows.add("| " + probe.name() + " | " + e.header("Sec-Fetch-Mode") + " | " + e.header("Sec-Fetch-Dest") + " | "
          + e.header("Sec-Fetch-Site") + " | `" + e.header("Accept") + "` | " + e.header("Upgrade-Insecure-Requests")
          + " | " + e.header("Sec-Purpose")
          + " | " + e.header("X-Requested-With") + " | " + e.status() + " | " + (kept ? "kept" : "deleted") + " |");
      int status = plain ? probe.plainStatus() : probe.status();
      boolean keeps = plain ? probe.plainKeeps() : probe.keeps();
      checks.add(() -> assertEquals(status, e.status(), probe.name() + ": " + e));
      checks.add(() -> assertEquals(keeps, kept, probe.name() + " keeps the stale cookie: " + e));
      if (keeps && e.header("Sec-Purpose").isEmpty()) {
        // No page reads it: no body. (A prefetch gets the answer a navigation would get.)
        checks.add(() -> assertEquals("0", e.answer().get("content-length"), probe.name() + ": " + e));
      }
      // What tells the requests apart is there, or not, as the table says.
      checks.add(() -> assertEquals(plain, e.header("Sec-Fetch-Mode").isEmpty(), probe.name() + ": " + e));
    }
    String text = String.join("\n", rows) + "\n";
    Files.writeString(OUT.resolve(table), text);
    System.out.println(text);
    assertAll(checks.stream().map(c -> (org.junit.jupiter.api.function.Executable) c::run));
  }

  @Test
  void onPlainHttpToAnotherHostANavigationStillLandsOnTheLoginPageAndFetchSeesTheChallenge() throws Exception {
    logInOnAccountAndLetTheSessionExpire(plainBase);

    @SuppressWarnings("unchecked")
    Map<String, Object> fetched = (Map<String, Object>) browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/account', {headers: {Accept: 'text/html'}}).then(r => done({status: r.status,
          challenge: r.headers.get('WWW-Authenticate'), redirected: r.redirected}));""");
    assertEquals(Map.of("status", 401L, "challenge", CHALLENGE, "redirected", false), fetched,
        "fetch asking for HTML, with no Sec-Fetch-* to tell it by");
    assertEquals("", exchange("GET", "/account").header("Sec-Fetch-Mode"));

    logInOnAccountAndLetTheSessionExpire(plainBase);
    browser.navigate().refresh();

    assertOnLoginPage("/account", "plain-http-navigation");
    Exchange expired = exchange("GET", "/account");
    assertAll(expired.toString(),
        () -> assertEquals(303, expired.status()),
        () -> assertEquals("", expired.header("Sec-Fetch-Mode")),
        () -> assertEquals("1", expired.header("Upgrade-Insecure-Requests")));
    logInAndReturnTo("/account");
    assertEquals(URI.create(plainBase).getHost(), URI.create(browser.getCurrentUrl()).getHost());
  }

  @Test
  void aFrameShowsTheChallengeWithALinkThatTakesTheWholeWindowToTheLoginPage() {
    browser.get(base + "/clients/probe/page?tab=3");
    staleSession();
    browser.executeScript("const f = document.createElement('iframe'); f.id = 'frame';"
        + " f.src = '/clients/probe/frame'; f.style = 'width: 600px; height: 300px'; document.body.append(f)");
    Exchange frame = exchange("GET", "/clients/probe/frame");
    assertEquals(401, frame.status(), frame::toString);

    browser.switchTo().frame("frame");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !browser.findElements(By.linkText("Log in again")).isEmpty());
    browser.switchTo().defaultContent();
    screenshot("frame-challenge");
    browser.switchTo().frame("frame");
    browser.findElement(By.linkText("Log in again")).click();
    browser.switchTo().defaultContent();

    assertOnLoginPage("/clients/probe/page?tab=3", "frame");
    logInAndReturnTo("/clients/probe/page?tab=3");
  }

  @Test
  void basicChallengeMakesChromiumAskForCredentialsACustomSchemeDoesNot() {
    browser.get(base + "/clients/probe/page");
    DevTools devTools = browser.getDevTools();
    devTools.createSessionIfThereIsNotOne();
    List<String> asked = new CopyOnWriteArrayList<>();
    devTools.addListener(new Event<Map<String, Object>>("Fetch.requestPaused", input -> input.read(Map.class)),
        paused -> devTools.send(new Command<>("Fetch.continueRequest", Map.of("requestId", paused.get("requestId")))));
    devTools.addListener(new Event<Map<String, Object>>("Fetch.authRequired", input -> input.read(Map.class)),
        auth -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> request = (Map<String, Object>) auth.get("request");
          asked.add(URI.create(String.valueOf(request.get("url"))).getPath());
          devTools.send(new Command<>("Fetch.continueWithAuth", Map.of("requestId", auth.get("requestId"),
              "authChallengeResponse", Map.of("response", "CancelAuth"))));
        });
    devTools.send(new Command<>("Fetch.enable", Map.of("handleAuthRequests", true,
        "patterns", List.of(Map.of("urlPattern", "*/basic*"), Map.of("urlPattern", "*/clients/api*")))));
    try {
      Map<String, Long> statuses = new java.util.LinkedHashMap<>();
      for (String path : List.of("/basic", "/clients/api")) {
        staleSession();
        statuses.put(path, (Long) browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", path));
      }
      assertEquals(Map.of("/basic", 401L, "/clients/api", 401L), statuses);
      assertEquals(List.of("/basic"), asked, "Fetch.authRequired: the requests Chromium asked credentials for");
    } finally {
      devTools.send(new Command<>("Fetch.disable", Map.of()));
      devTools.clearListeners();
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Logs in on {@code origin}, lands on {@code /account}, and waits until the session has timed out. */
  private void logInOnAccountAndLetTheSessionExpire(String origin) throws InterruptedException {
    browser.get(origin + "/login?next=%2Faccount");
    browser.findElement(By.id("login")).click();
    waitForPath("/account");
    Thread.sleep((ExampleApp.SESSION_TIMEOUT_SECONDS + 1) * 1000L + 100);
    exchanges.clear();
  }

  /** A session id the server does not know, as an expired one is: the next request is an expiry. */
  private void staleSession() {
    browser.manage().addCookie(new Cookie.Builder("JSESSIONID", "expired" + staleIds.incrementAndGet())
        .path("/").isHttpOnly(true).build());
  }

  private void waitForScript(String script) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> Boolean.TRUE.equals(browser.executeScript(script)));
  }

  private void waitForPath(String pathAndQuery) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "at " + browser.getCurrentUrl())
        .until(b -> pathAndQuery(browser.getCurrentUrl()).equals(pathAndQuery)
            && "complete".equals(browser.executeScript("return document.readyState")));
  }

  private static String pathAndQuery(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** The whole page is the login page, whose {@code next} is {@code next}; a screenshot of it is kept. */
  private void assertOnLoginPage(String next, String screenshot) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "at " + browser.getCurrentUrl())
        .until(b -> URI.create(browser.getCurrentUrl()).getRawPath().equals("/login")
            && "Log in".equals(browser.getTitle()));
    String query = URI.create(browser.getCurrentUrl()).getRawQuery();
    assertNotNull(query, browser.getCurrentUrl());
    assertEquals("next=" + next, URLDecoder.decode(query, StandardCharsets.UTF_8), browser.getCurrentUrl());
    assertEquals("Log in", browser.findElement(By.tagName("h1")).getText());
    assertEquals(1, browser.findElements(By.tagName("h1")).size(), "one page, not a page inside a page");
    screenshot("login-from-" + screenshot);
  }

  private void screenshot(String name) {
    try {
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), OUT.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void logInAndReturnTo(String pathAndQuery) {
    browser.findElement(By.id("login")).click();
    waitForPath(pathAndQuery);
  }

  /** The exchange the server logged for this method and path (with query), waiting for it a little. */
  private Exchange exchange(String method, String path) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < until) {
      Optional<Exchange> found = exchanges.stream()
          .filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no " + method + " " + path + " among " + exchanges);
  }
}
