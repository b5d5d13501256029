package dev.expiry.examples;

import dev.expiry.Client;
import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import dev.expiry.runtime.ExpiryResponses;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * {@code /clients/*}: pages that load a client library (htmx, Turbo, Inertia, Jakarta Faces' own
 * faces.js) and the fragments, frames and visits they ask for, plus {@code /clients/probe/*},
 * what a page loads as a navigation, a form post, fetch, XHR, image, script, stylesheet or frame,
 * {@code /clients/script/*}, pages that fetch and send XHRs (their own, axios's, jQuery's) with
 * Expiry's client script in either mode, {@code /clients/problem}, problems the script hands back
 * as they came, and {@code /clients/csrf}, a page whose requests carry the session's CSRF tokens.
 * Declared as the README's page is: browsers go to the login page and come back, scripts get a
 * challenge.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "example",
    params = @Param(name = "error", value = "session_expired"))
@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = "Form expired")
public class ClientPagesServlet extends HttpServlet {

  private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    switch (path) {
      case "/htmx" -> page(response, "htmx", "<script src=\"/lib/htmx/htmx.min.js\"></script>",
          "<button id=\"go\" hx-get=\"/clients/htmx/fragment\" hx-target=\"#target\">Load the fragment</button>\n"
              + "<div id=\"target\"></div>");
      case "/htmx/fragment" -> html(response, "<p id=\"fragment\">The fragment</p>");
      case "/turbo", "/turbo/next" -> page(response, "Turbo " + path.substring(1),
          "<script src=\"/lib/turbo/turbo.es2017-umd.js\"></script>",
          "<p><a id=\"visit\" href=\"/clients/turbo/next\">The next page</a></p>\n"
              + "<turbo-frame id=\"box\"><a id=\"frame-link\" href=\"/clients/turbo/frame\">Load the frame</a></turbo-frame>");
      case "/turbo/frame" -> html(response, "<!doctype html><html><head><title>Frame</title></head><body>"
          + "<turbo-frame id=\"box\"><p id=\"framed\">The frame's content</p></turbo-frame></body></html>");
      case "/inertia", "/inertia/next" -> page(response, "Inertia " + path.substring(1),
          "<script src=\"/lib/inertia/inertia-core.js\"></script>",
          "<div id=\"app\" data-page='{\"component\":\"Home\",\"props\":{},\"url\":\"/clients" + path
              + "\",\"version\":null}'>Home</div>\n"
              + "<button id=\"go\" onclick=\"InertiaRouter.visit('/clients/inertia/next')\">Visit</button>\n"
              + "<script>InertiaRouter.init({initialPage: JSON.parse(document.getElementById('app').dataset.page),"
              + " resolveComponent: name => name,"
              + " swapComponent: async ({component}) => { document.getElementById('app').textContent = component; }});"
              + "</script>");
      case "/faces" -> page(response, "Faces", "<script src=\"/lib/faces/faces.js\"></script>",
          "<form id=\"f\" method=\"post\" action=\"/clients/faces\">\n"
              + "<input type=\"hidden\" name=\"jakarta.faces.ViewState\" id=\"j_id1:jakarta.faces.ViewState:0\" value=\"stateless\">\n"
              + "<button id=\"go\" name=\"go\" type=\"button\""
              + " onclick=\"faces.ajax.request(this, event, {execute: '@this', render: 'out'}); return false;\">Save</button>\n"
              + "<span id=\"out\"></span></form>");
      case "/script/redirect", "/script/popup" -> page(response, "Script " + path.substring(8),
          "<script>window.NativeXHR = XMLHttpRequest;</script>"
              + "<script src=\"/expiry/expiry.js\" data-mode=\"" + path.substring(8) + "\"></script>"
              + "<script>" + WATCHED + LIBRARIES + "</script>"
              + "<script src=\"/lib/axios/axios.min.js\"></script><script src=\"/lib/jquery/jquery.min.js\"></script>",
          "<button id=\"go\" onclick=\"fetch('/clients/api').then(r => r.json())"
              + ".then(d => { document.getElementById('out').textContent = 'ok: ' + d.ok; })\">Load</button>\n"
              + "<button id=\"xhr\" onclick=\"watched(XMLHttpRequest, '/clients/api', {}, shown)\">Load by XHR</button>\n"
              + "<button id=\"xhr-json\" onclick=\"watched(XMLHttpRequest, '/clients/api', {type: 'json', timeout: 5000},"
              + " shown)\">Load JSON by XHR</button>\n"
              + "<button id=\"axios\" onclick=\"axios.get('/clients/api').then(r => {"
              + " document.getElementById('out').textContent = 'axios: ' + r.status + ' ' + JSON.stringify(r.data); })\">"
              + "Load by axios</button>\n"
              + "<button id=\"jquery\" onclick=\"$.getJSON('/clients/api').done((d, s, x) => {"
              + " document.getElementById('out').textContent = 'jquery: ' + x.status + ' ' + JSON.stringify(d); })\">"
              + "Load by jQuery</button>\n"
              + "<p id=\"out\"></p>");
      case "/problem" -> problem(request, response);
      case "/csrf" -> csrfPage(request, response);
      case "/probe/page" -> page(response, "Probes", "",
          "<form id=\"form\" method=\"post\" action=\"/clients/probe/form\"><button id=\"post\">Post</button></form>");
      case "/probe/image" -> bytes(response, "image/gif", GIF);
      case "/probe/script" -> bytes(response, "text/javascript", "window.probed = true;".getBytes(StandardCharsets.UTF_8));
      case "/probe/style" -> bytes(response, "text/css", "body { margin: 0 }".getBytes(StandardCharsets.UTF_8));
      case "/api", "/probe/fetch", "/probe/fetch-html", "/probe/xhr" -> bytes(response, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
      default -> page(response, "Page " + path, "", "");
    }
  }

  /**
   * The script pages' XHR recorder: sends a GET with the {@code XMLHttpRequest} class given (and
   * the {@code responseType}, sync, {@code timeout} or {@code abort()} its options ask for) and
   * notes each event its handler properties and a {@code load} listener see, with the state they
   * see then and when (also in {@code sessionStorage}, which outlives the page); {@code expiry}
   * events are noted there too.
   */
  private static final String WATCHED = """
      function watched(XHR, url, options, done) {
        const {type = '', async = true, timeout = 0, abortAfter = null} = options;
        const x = new XHR(), seen = [], times = [];
        const note = via => e => {
          times.push(performance.now());
          const text = x.responseType === '' || x.responseType === 'text' ? x.responseText
            : x.response instanceof ArrayBuffer ? new TextDecoder().decode(x.response) : JSON.stringify(x.response);
          seen.push([via, e.type, x.readyState, x.status, x.statusText, e.lengthComputable, e.loaded, e.total, text].join(' '));
          sessionStorage.setItem('seen', JSON.stringify(seen));
          if (via === 'on' && e.type === 'loadend' && async && done) done(seen, x, times);
        };
        for (const t of ['readystatechange', 'loadstart', 'progress', 'load', 'error', 'abort', 'timeout', 'loadend']) {
          x['on' + t] = note('on');
        }
        x.addEventListener('load', note('listener'));
        x.open('GET', url, async);
        if (type) x.responseType = type;
        if (timeout) x.timeout = timeout;
        x.send();
        if (abortAfter === 0) x.abort();
        else if (abortAfter) setTimeout(() => x.abort(), abortAfter);
        if (!async && done) done(seen, x, times);
      }
      const shown = (seen, x) => { document.getElementById('out').textContent = 'xhr: ' + x.status + ' '
          + (x.responseType === 'json' ? JSON.stringify(x.response) : x.responseText); };
      window.addEventListener('expiry', e => sessionStorage.setItem('expiry',
          (sessionStorage.getItem('expiry') || '') + e.detail.problem.type + ' '));
      """;

  /**
   * On the script pages: {@code libraries(XHR)} makes, with axios and with jQuery, an ordinary
   * request, one answered by a problem that is not Expiry's, one that times out and one aborted
   * (both while a problem arrives), while the global {@code XMLHttpRequest} is {@code XHR}, and
   * returns what the libraries handed to their callers.
   */
  private static final String LIBRARIES = """
      async function libraries(XHR) {
        const global = window.XMLHttpRequest;
        window.XMLHttpRequest = XHR;
        try {
          const answer = r => [r.status, r.statusText, r.headers['content-type'], JSON.stringify(r.data), r.request.responseURL];
          const failure = e => [e.name, e.code, e.message, e.response ? answer(e.response) : null];
          const axiosOf = config => axios.request(config).then(answer, failure);
          const jqueryOf = settings => new Promise(resolve => {
            const jq = $.ajax(settings);
            if (settings.abortAfter) setTimeout(() => jq.abort(), settings.abortAfter);
            jq.always((a, status, b) => {
              const x = status === 'success' ? b : a;
              resolve([status, x.status, x.statusText, x.responseText, x.getResponseHeader('Content-Type')]);
            });
          });
          const progress = [], uploaded = [];
          let viaWrapper = null;
          const results = {
            axiosOk: await axios.get('/clients/api', {onDownloadProgress: e => progress.push(e.loaded)})
              .then(r => { viaWrapper = r.request instanceof Expiry.XMLHttpRequest; return answer(r); }),
            axiosProgress: progress,
            axiosPost: await axiosOf({method: 'post', url: '/clients/api', data: {note: 'axios'},
              onUploadProgress: e => uploaded.push(e.loaded)}),
            axiosUploaded: uploaded,
            axiosProblem: await axiosOf({url: '/clients/problem'}),
            axiosTimeout: await axiosOf({url: '/clients/problem?chunks', timeout: 500}),
            axiosAbort: await (() => {
              const controller = new AbortController();
              setTimeout(() => controller.abort(), 500);
              return axiosOf({url: '/clients/problem?chunks', signal: controller.signal});
            })(),
            jqueryOk: await jqueryOf({url: '/clients/api', dataType: 'json'}),
            jqueryProblem: await jqueryOf({url: '/clients/problem'}),
            jqueryTimeout: await jqueryOf({url: '/clients/problem?chunks', timeout: 500}),
            jqueryAbort: await jqueryOf({url: '/clients/problem?chunks', abortAfter: 500})
          };
          return {results, viaWrapper};
        } finally {
          window.XMLHttpRequest = global;
        }
      }
      """;

  /**
   * The CSRF page's requests: Spring Security's convention (the header {@code _csrf_header} names
   * carries {@code _csrf}, and so does the form field {@code _csrf}), and axios's for the cookie
   * ({@code X-XSRF-TOKEN} carries the {@code XSRF-TOKEN} cookie, read as the request is made).
   */
  private static final String CSRF_SCRIPT = """
      const meta = name => document.querySelector('meta[name="' + name + '"]').content;
      const cookie = name => decodeURIComponent((document.cookie.match('(?:^|; )' + name + '=([^;]*)') || [])[1] || '');
      const show = answers => { document.getElementById('out').textContent = answers.join(' | '); };
      function byFetch(asRequest) {
        const url = '/clients/csrf/save?by=' + (asRequest ? 'request' : 'fetch');
        const headers = {[meta('_csrf_header')]: meta('_csrf')};
        (asRequest
          ? fetch(new Request(url, {method: 'POST', headers, body: new URLSearchParams({_csrf: meta('_csrf'), note: 'request'})}))
          : fetch(url, {method: 'POST', headers: {...headers, 'Content-Type': 'application/x-www-form-urlencoded'},
              body: '_csrf=' + encodeURIComponent(meta('_csrf')) + '&note=fetch'}))
          .then(r => r.text().then(t => show([r.status + ' ' + t])));
      }
      function byXhr() {
        const x = new XMLHttpRequest();
        x.open('POST', '/clients/csrf/save?by=xhr');
        x.setRequestHeader(meta('_csrf_header'), meta('_csrf'));
        x.setRequestHeader('X-XSRF-TOKEN', cookie('XSRF-TOKEN'));
        x.onload = () => show([x.status + ' ' + x.responseText]);
        x.send(new URLSearchParams({_csrf: meta('_csrf'), note: 'xhr'}));
      }
      """;

  private static final String CSRF = ClientPagesServlet.class.getName() + ".csrf";
  private static final String XSRF = ClientPagesServlet.class.getName() + ".xsrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A problem that is not Expiry's (404), or with {@code ?csrf} a csrf-token-expired one (403). */
  private static void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean csrf = request.getParameter("csrf") != null;
    byte[] body = (csrf
        ? "{\"type\":\"https://expiry.dev/problems/csrf-token-expired\",\"title\":\"Form expired\",\"status\":403,"
            + "\"login\":\"/login?next=%2Fclients%2Fscript%2Fpopup\"}"
        : "{\"type\":\"https://example.com/problems/out-of-stock\",\"title\":\"Out of stock\",\"status\":404}")
        .getBytes(StandardCharsets.UTF_8);
    response.setStatus(csrf ? 403 : 404);
    if (request.getParameter("chunks") == null) {
      bytes(response, "application/problem+json", body);
      return;
    }
    // In two parts, a second apart, without a length: the page sees it LOADING; a client that gives
    // up after half a second has seen the answer begin, even on a busy machine.
    response.setContentType("application/problem+json");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(body, 0, body.length / 2);
    response.flushBuffer();
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    response.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
  }

  /**
   * {@code /clients/csrf}, for a logged-in session: a page with the session's CSRF token in
   * Spring Security's meta tags (after the client script's tag), and another token in an {@code
   * XSRF-TOKEN} cookie; the page's token is also in the header {@code X-CSRF-TOKEN}, for the tests.
   * Its session lasts a minute: the tests end it by replacing its cookie.
   */
  private static void csrfPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    if (session == null) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", "/login?next=%2Fclients%2Fcsrf");
      return;
    }
    session.setMaxInactiveInterval(60);
    String csrf = token(session, CSRF);
    Cookie cookie = new Cookie("XSRF-TOKEN", token(session, XSRF));
    cookie.setPath("/");
    response.addCookie(cookie);
    response.setHeader("X-CSRF-TOKEN", csrf);
    page(response, "CSRF", "<script src=\"/expiry/expiry.js\" data-mode=\"popup\"></script>\n"
        + "<meta name=\"_csrf\" content=\"" + csrf + "\">\n<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">\n"
        + "<script>" + CSRF_SCRIPT + "</script>",
        "<button id=\"fetch\" onclick=\"byFetch(false)\">Save by fetch</button>\n"
            + "<button id=\"request\" onclick=\"byFetch(true)\">Save by fetch(Request)</button>\n"
            + "<button id=\"xhr\" onclick=\"byXhr()\">Save by XHR</button>\n<p id=\"out\"></p>");
  }

  private static String token(HttpSession session, String name) {
    String token = (String) session.getAttribute(name);
    if (token == null) {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      token = HexFormat.of().formatHex(bytes);
      session.setAttribute(name, token);
    }
    return token;
  }

  /**
   * {@code POST /clients/csrf/save}: 200 when every token sent ({@code X-CSRF-TOKEN}, {@code
   * X-XSRF-TOKEN}, the field {@code _csrf}; at least one) is the session's, else Expiry's CSRF
   * answer (403, {@code csrf-token-expired}), or with {@code ?plain} a bare 403; the answer says how
   * many were checked.
   */
  private static void save(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    String csrf = session == null ? null : (String) session.getAttribute(CSRF);
    String xsrf = session == null ? null : (String) session.getAttribute(XSRF);
    int checked = 0;
    boolean ok = true;
    for (String[] sent : new String[][] {{request.getHeader("X-CSRF-TOKEN"), csrf},
        {request.getHeader("X-XSRF-TOKEN"), xsrf}, {request.getParameter("_csrf"), csrf}}) {
      if (sent[0] != null) {
        checked++;
        ok &= sent[0].equals(sent[1]);
      }
    }
    ok &= checked > 0;
    // A token that is not the session's is Expiry's CSRF answer, as Expiry's Spring Security
    // integration gives it; with ?plain, a bare 403.
    if (!ok && request.getParameter("plain") == null && ExpiryResponses.send(request, response, Expired.CSRF_TOKEN)) {
      return;
    }
    response.setStatus(ok ? HttpServletResponse.SC_OK : HttpServletResponse.SC_FORBIDDEN);
    bytes(response, "application/json", ("{\"saved\":" + ok + ",\"checked\":" + checked + "}")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if ("/csrf/save".equals(request.getPathInfo())) {
      save(request, response);
      return;
    }
    if ("/faces".equals(request.getPathInfo())) {
      bytes(response, "text/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><changes>"
          + "<update id=\"out\"><![CDATA[<span id=\"out\">Saved</span>]]></update></changes></partial-response>")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    page(response, "Posted", "", "");
  }

  private static void page(HttpServletResponse response, String title, String head, String body) throws IOException {
    html(response, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        + head + "</head>\n<body><h1 id=\"page\">" + title + "</h1>\n" + body + "\n</body></html>\n");
  }

  private static void html(HttpServletResponse response, String html) throws IOException {
    bytes(response, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(HttpServletResponse response, String type, byte[] body) throws IOException {
    response.setContentType(type);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
