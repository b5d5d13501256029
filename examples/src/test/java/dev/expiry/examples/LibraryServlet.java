package dev.expiry.examples;

import dev.expiry.NoExpiryPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** {@code /lib/*}: the client libraries the browser tests load, from {@code clients/} on the class path. */
@NoExpiryPolicy(reason = "Static client libraries, the same for everyone.")
public class LibraryServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo();
    if (path == null || path.contains("..") || !path.endsWith(".js")) {
      response.sendError(404);
      return;
    }
    try (InputStream in = LibraryServlet.class.getResourceAsStream("/clients" + path)) {
      if (in == null) {
        response.sendError(404);
        return;
      }
      byte[] body = in.readAllBytes();
      response.setContentType("text/javascript;charset=UTF-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
