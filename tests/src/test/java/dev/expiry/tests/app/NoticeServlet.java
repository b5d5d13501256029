package dev.expiry.tests.app;

import dev.expiry.ExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A policy with its own problem type and a title and detail full of characters that JSON and HTML
 * must escape. One policy for every client, so a browser gets a 401 page, not a redirect.
 */
@ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "notice",
    type = NoticeServlet.TYPE, title = NoticeServlet.TITLE, detail = NoticeServlet.DETAIL)
public class NoticeServlet extends RecordingServlet {

  public static final String TYPE = "https://example.com/problems/session-expired";
  public static final String TITLE = "<script>alert(\"expired\")</script> & \\ gone";
  public static final String DETAIL = "Tom & Jerry's <b>session</b> \"ended\"\ttab";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ran(request, response);
  }
}
