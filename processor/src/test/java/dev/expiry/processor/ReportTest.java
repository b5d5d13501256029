package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.FrameworkStubs.web;
import static dev.expiry.processor.FrameworkStubs.with;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.compileWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.expiry.processor.write.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy report ({@code META-INF/expiry/report.json}), read back with Jackson, and its HTML
 * page: every endpoint, every operation, each of the six answers with where it is declared, and
 * the exemptions with their reasons.
 */
class ReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final JavaFileObject PKG = JavaFileObjects.forSourceString("test.package-info",
      "@ExpiryPolicy(status = 401, scheme = \"FromPackage\")\npackage test;\nimport dev.expiry.ExpiryPolicy;\n");
  private static final JavaFileObject PUBLIC_PKG = JavaFileObjects.forSourceString("open.package-info",
      "@NoExpiryPolicy(reason = \"Public pages <all of them>.\")\npackage open;\nimport dev.expiry.NoExpiryPolicy;\n");
  private static final JavaFileObject ABOUT = JavaFileObjects.forSourceString("open.About", "package open;\n"
      + "public class About extends jakarta.servlet.http.HttpServlet {}\n");
  private static final JavaFileObject ORDERS = Sources.java("Orders",
      "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login?next={path}\")",
      "@ExpiryPolicy(client = Client.API, status = 401, scheme = \"MyAuthScheme\", realm = \"shop\")",
      "@jakarta.servlet.annotation.WebServlet(urlPatterns = {\"/orders/*\", \"/o\"})",
      "public class Orders extends HttpServlet {",
      "  @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) {}",
      "  @NoExpiryPolicy(reason = \"A beacon the page sends on unload.\")",
      "  @Override protected void doPost(HttpServletRequest q, HttpServletResponse r) {}",
      "}");
  private static final JavaFileObject BARE = JavaFileObjects.forSourceString("other.Bare", "package other;\n"
      + "public class Bare extends jakarta.servlet.http.HttpServlet {\n"
      + "  @Override protected void doPut(jakarta.servlet.http.HttpServletRequest q,"
      + " jakarta.servlet.http.HttpServletResponse r) {}\n}\n");
  private static final JavaFileObject SHOP_POLICY = web("ShopPolicy",
      "@ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = \"CSRF token expired\")",
      "@Retention(RetentionPolicy.CLASS)", "public @interface ShopPolicy {}");
  private static final JavaFileObject PAGES = web("Pages", "@RestController @RequestMapping(\"/pages\") @ShopPolicy",
      "public class Pages {",
      "  @GetMapping(\"/{id}\") public String page(@PathVariable String id) { return id; }",
      "  @NoExpiryPolicy(reason = \"The login page.\") @GetMapping(\"/login\") public String login() { return \"\"; }",
      "}");

  private static JavaFileObject[] all() {
    return with(PKG, PUBLIC_PKG, ABOUT, ORDERS, BARE, SHOP_POLICY, PAGES);
  }

  @Test
  void listsEveryEndpointOperationAndAnswerWithWhereItIsDeclared() throws IOException {
    Compilation c = compile(all());
    assertThat(c).succeeded();
    JsonNode report = JSON.readTree(report(c));
    assertEquals("expiry-report", report.get("format").asText());
    assertEquals(ReportWriter.VERSION, report.get("version").asInt());
    assertEquals(List.of("open", "other", "test"), names(report.get("packages"), "package"));

    JsonNode orders = endpoint(report, "test", "test.Orders");
    assertEquals("servlet", orders.get("framework").asText());
    // What the runtime looks up: every method without its own ("*": GET and HEAD here), and POST.
    assertEquals(List.of("*", "POST"), names(orders.get("operations"), "key"));
    JsonNode others = operation(orders, "*");
    assertEquals("[\"GET\",\"HEAD\"]", others.get("methods").toString());
    assertEquals("[{\"method\":\"GET\",\"path\":\"/orders/*\"},{\"method\":\"HEAD\",\"path\":\"/orders/*\"},"
        + "{\"method\":\"GET\",\"path\":\"/o\"},{\"method\":\"HEAD\",\"path\":\"/o\"}]",
        others.get("routes").toString());
    assertThat(others.get("covered").asBoolean()).isTrue();
    assertThat(others.has("exemption")).isFalse();
    // Only the slots that answer are listed; the others pass ("no policy").
    assertEquals(List.of("SESSION/BROWSER", "SESSION/API"), slots(others));
    JsonNode browser = slot(others, "SESSION", "BROWSER");
    assertEquals("{\"on\":\"SESSION\",\"client\":\"BROWSER\",\"response\":0,\"body\":\"none\","
        + "\"declaredOn\":\"class test.Orders\"}", browser.toString());
    assertEquals("{\"status\":303,\"headers\":[[\"Location\",\"/login?next={path}\"]]}",
        response(orders, browser).toString());
    JsonNode api = slot(others, "SESSION", "API");
    assertEquals("application/problem+json", api.get("body").asText());
    JsonNode unauthorized = response(orders, api);
    assertEquals(401, unauthorized.get("status").asInt());
    assertEquals("[[\"WWW-Authenticate\",\"MyAuthScheme realm=\\\"shop\\\"\"]]", unauthorized.get("headers").toString());
    assertEquals("Session expired", unauthorized.get("problem").get("title").asText());
    assertEquals(2, orders.get("responses").size(), "each response once");

    JsonNode post = operation(orders, "POST");
    assertEquals("[\"POST\"]", post.get("methods").toString());
    assertEquals("A beacon the page sends on unload.", post.get("exemption").get("reason").asText());
    assertEquals("method doPost(jakarta.servlet.http.HttpServletRequest,jakarta.servlet.http.HttpServletResponse)"
        + " of test.Orders", post.get("exemption").get("declaredOn").asText());
    assertEquals("{\"on\":\"SESSION\",\"client\":\"BROWSER\",\"passes\":\"exempt\"}",
        slot(post, "SESSION", "BROWSER").toString());
    assertThat(post.get("covered").asBoolean()).isTrue();

    // A servlet without any policy is listed too, not covered.
    JsonNode bare = endpoint(report, "other", "other.Bare");
    assertEquals(List.of("*"), names(bare.get("operations"), "key"));
    JsonNode put = operation(bare, "*");
    assertEquals("[\"PUT\"]", put.get("methods").toString());
    assertThat(put.get("covered").asBoolean()).isFalse();
    assertEquals("[]", put.get("routes").toString());
    assertEquals("[]", put.get("answers").toString());

    // A package exemption: on the package, and on each operation it stops.
    JsonNode open = package_(report, "open");
    assertEquals("Public pages <all of them>.", open.get("exemption").get("reason").asText());
    JsonNode about = operation(endpoint(report, "open", "open.About"), "*");
    assertEquals("[\"*\"]", about.get("methods").toString());
    assertEquals("package open", about.get("exemption").get("declaredOn").asText());
    assertThat(about.get("covered").asBoolean()).isTrue();
    assertThat(package_(report, "test").has("exemption")).isFalse();

    // A controller: handler methods by key, routes from the mappings, the package default and a composed policy.
    JsonNode pages = endpoint(report, "test", "test.Pages");
    assertEquals("spring-mvc", pages.get("framework").asText());
    assertEquals(List.of("login()", "page(java.lang.String)"), names(pages.get("operations"), "key"));
    JsonNode page = operation(pages, "page(java.lang.String)");
    assertThat(page.has("methods")).isFalse();
    assertEquals("[{\"method\":\"GET\",\"path\":\"/pages/{id}\"}]", page.get("routes").toString());
    assertEquals(List.of("SESSION/BROWSER", "SESSION/API", "CSRF_TOKEN/BROWSER", "CSRF_TOKEN/API"), slots(page));
    assertEquals("package test", slot(page, "SESSION", "API").get("declaredOn").asText());
    assertThat(slot(page, "SESSION", "API").has("via")).isFalse();
    JsonNode csrf = slot(page, "CSRF_TOKEN", "API");
    assertEquals(403, response(pages, csrf).get("status").asInt());
    assertEquals("class test.Pages", csrf.get("declaredOn").asText());
    assertEquals("@test.ShopPolicy", csrf.get("via").asText());
    assertEquals("text/html", slot(page, "CSRF_TOKEN", "BROWSER").get("body").asText());
    JsonNode login = operation(pages, "login()");
    assertEquals("exempt", slot(login, "SESSION", "API").get("passes").asText());
    // The exemption is about the session: the class's composed CSRF policy still answers.
    assertEquals(403, response(pages, slot(login, "CSRF_TOKEN", "API")).get("status").asInt());
    assertEquals("@test.ShopPolicy", slot(login, "CSRF_TOKEN", "API").get("via").asText());
  }

  @Test
  void isTheSameBytesWhateverOrderTheSourcesComeIn() {
    List<JavaFileObject> sources = new ArrayList<>(List.of(all()));
    String first = report(compile(sources.toArray(new JavaFileObject[0])));
    Collections.reverse(sources);
    assertEquals(first, report(compile(sources.toArray(new JavaFileObject[0]))));
    assertThat(first).doesNotContain("\r");
    // One package per line, after the header line.
    assertThat(first.lines().toList()).hasSize(3 + 2);
  }

  @Test
  void aCompilationWithoutEndpointsWritesNoReport() {
    Compilation c = compile(Sources.java("Util", "public class Util {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, ReportWriter.PATH).isPresent()
        && !report(c).isEmpty()).isFalse();
  }

  @Test
  void theHtmlPageGoesWhereTheOptionSaysAndShowsEveryEndpoint(@TempDir Path dir) throws IOException {
    Path reports = dir.resolve("reports/expiry");
    Compilation c = compileWith(new String[] {"-Aexpiry.reportDir=" + reports}, all());
    assertThat(c).succeededWithoutWarnings();
    String page = Files.readString(reports.resolve("expiry-report.html"), StandardCharsets.UTF_8);
    assertThat(page).startsWith("<!DOCTYPE html>");
    assertThat(page).contains("<h2>package test</h2>");
    assertThat(page).contains("<h3>test.Orders <small>servlet</small></h3>");
    assertThat(page).contains("<h3>test.Pages <small>spring-mvc</small></h3>");
    assertThat(page).contains("Exempt: Public pages &lt;all of them&gt;.");
    assertThat(page).contains("<code>Location: /login?next={path}</code>");
    assertThat(page).contains("<tr class=\"uncovered\"");
    assertThat(page).contains("<b>1</b> without a session policy or exemption"); // other.Bare
    assertThat(page).doesNotContain("<all of them>");
    assertEquals(4, page.split("<table class=\"sortable\">", -1).length - 1, "one table per endpoint");
  }

  private static String report(Compilation c) {
    try {
      return c.generatedFile(StandardLocation.CLASS_OUTPUT, ReportWriter.PATH).orElseThrow()
          .getCharContent(true).toString();
    } catch (java.io.FileNotFoundException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode package_(JsonNode report, String name) {
    for (JsonNode p : report.get("packages")) {
      if (p.get("package").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no package " + name + " in " + report);
  }

  private static JsonNode endpoint(JsonNode report, String pkg, String name) {
    for (JsonNode e : package_(report, pkg).get("endpoints")) {
      if (e.get("class").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no endpoint " + name + " in " + report);
  }

  private static JsonNode operation(JsonNode endpoint, String key) {
    for (JsonNode o : endpoint.get("operations")) {
      if (o.get("key").asText().equals(key)) {
        return o;
      }
    }
    throw new AssertionError("no operation " + key + " in " + endpoint);
  }

  private static List<String> names(JsonNode array, String member) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.get(member).asText()));
    return names;
  }

  private static JsonNode slot(JsonNode operation, String on, String client) {
    for (JsonNode a : operation.get("answers")) {
      if (a.get("on").asText().equals(on) && a.get("client").asText().equals(client)) {
        return a;
      }
    }
    throw new AssertionError("no answer " + on + "/" + client + " in " + operation);
  }

  private static JsonNode response(JsonNode endpoint, JsonNode answer) {
    return endpoint.get("responses").get(answer.get("response").asInt());
  }

  private static List<String> slots(JsonNode operation) {
    List<String> slots = new ArrayList<>();
    operation.get("answers").forEach(a -> slots.add(a.get("on").asText() + "/" + a.get("client").asText()));
    return slots;
  }
}
