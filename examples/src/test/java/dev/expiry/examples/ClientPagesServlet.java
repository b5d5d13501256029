package dev.expiry.examples;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code /clients/*}: pages that load a client library (htmx, Turbo, Inertia, Jakarta Faces' own
 * faces.js) and the fragments, frames and visits they ask for, plus {@code /clients/probe/*},
 * what a page loads as a navigation, a form post, fetch, XHR, image, script, stylesheet or frame,
 * and {@code /clients/script/*}, pages that fetch with Expiry's client script in either mode.
 * Declared as the README's page is: browsers go to the login page and come back, scripts get a
 * challenge.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "example",
    params = @Param(name = "error", value = "session_expired"))
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
          "<script src=\"/expiry/expiry.js\" data-mode=\"" + path.substring(8) + "\"></script>",
          "<button id=\"go\" onclick=\"fetch('/clients/api').then(r => r.json())"
              + ".then(d => { document.getElementById('out').textContent = 'ok: ' + d.ok; })\">Load</button>\n"
              + "<p id=\"out\"></p>");
      case "/probe/page" -> page(response, "Probes", "",
          "<form id=\"form\" method=\"post\" action=\"/clients/probe/form\"><button id=\"post\">Post</button></form>");
      case "/probe/image" -> bytes(response, "image/gif", GIF);
      case "/probe/script" -> bytes(response, "text/javascript", "window.probed = true;".getBytes(StandardCharsets.UTF_8));
      case "/probe/style" -> bytes(response, "text/css", "body { margin: 0 }".getBytes(StandardCharsets.UTF_8));
      case "/api", "/probe/fetch", "/probe/fetch-html", "/probe/xhr" -> bytes(response, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
      default -> page(response, "Page " + path, "", "");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
