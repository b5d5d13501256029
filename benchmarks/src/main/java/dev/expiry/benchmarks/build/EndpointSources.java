package dev.expiry.benchmarks.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes N annotated servlets of a realistic small size: a GET that reads the path and renders JSON,
 * a helper, and every third servlet a POST whose browsers are redirected (API clients keep the
 * class's challenge), every fifth a challenge with an extra auth-param. Fifty servlets to a
 * package. The corpus is clean: the processor reports nothing on it, as on an application.
 */
public final class EndpointSources {

  /** Endpoints to a Java package, in this corpus and the Spring one. */
  static final int PER_PACKAGE = 50;

  private EndpointSources() {}

  /** Writes the servlets under {@code dir} and returns their files. */
  public static List<Path> write(Path dir, int count) throws IOException {
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String pkg = "com.example.shop.api" + (i / PER_PACKAGE);
      files.add(SourceFiles.write(dir, pkg, "Endpoint" + i + "Servlet", source(pkg, i)));
    }
    return files;
  }

  static String source(String pkg, int i) {
    String params = i % 5 == 0
        ? ",\n    params = @Param(name = \"error\", value = \"session_expired\")"
        : "";
    String post = i % 3 != 0 ? "" : """

          @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?from=endpoint%1$d")
          @Override
          protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String name = request.getParameter("name");
            if (name == null || name.isBlank()) {
              response.sendError(HttpServletResponse.SC_BAD_REQUEST, "name is required");
              return;
            }
            ITEMS.add(new Item(ITEMS.size() + 1, name.trim()));
            response.setStatus(HttpServletResponse.SC_CREATED);
          }
        """.formatted(i);
    return """
        package %1$s;

        import dev.expiry.Client;
        import dev.expiry.ExpiryPolicy;
        import dev.expiry.Param;
        import jakarta.servlet.annotation.WebServlet;
        import jakarta.servlet.http.HttpServlet;
        import jakarta.servlet.http.HttpServletRequest;
        import jakarta.servlet.http.HttpServletResponse;
        import java.io.IOException;
        import java.util.List;
        import java.util.concurrent.CopyOnWriteArrayList;

        /** Endpoint %2$d of a generated shop API. */
        @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "http://example.com/api/%2$d"%3$s)
        @WebServlet("/api/endpoint%2$d/*")
        public class Endpoint%2$dServlet extends HttpServlet {

          private static final long serialVersionUID = 1L;

          private static final List<Item> ITEMS = new CopyOnWriteArrayList<>();

          record Item(int id, String name) {}

          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getPathInfo();
            String filter = path == null || path.length() < 2 ? "" : path.substring(1);
            response.setContentType("application/json");
            response.getWriter().write(render(filter));
          }
        %4$s
          private static String render(String filter) {
            StringBuilder json = new StringBuilder("[");
            for (Item item : ITEMS) {
              if (!item.name().contains(filter)) {
                continue;
              }
              if (json.length() > 1) {
                json.append(',');
              }
              json.append("{\\"id\\":").append(item.id()).append(",\\"name\\":\\"")
                  .append(item.name().replace("\\"", "\\\\\\"")).append("\\"}");
            }
            return json.append(']').toString();
          }
        }
        """.formatted(pkg, i, params, post);
  }
}
