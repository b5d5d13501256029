package dev.expiry.examples.boot;

import dev.expiry.NoExpiryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that end the caller's session on the server, as a timeout would, or keep it. */
@NoExpiryPolicy(reason = "Test hooks that end or keep the caller's session; they need none to run.")
@RestController
public class TestSessions {

  /** Invalidates the session: its id is unknown from now on. */
  @GetMapping("/test/session/invalidate")
  public String invalidate(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "invalidated";
  }

  /** Lets the session live ten minutes without requests, whatever the application's timeout. */
  @GetMapping("/test/session/keep")
  public String keep(HttpServletRequest request) {
    request.getSession(false).setMaxInactiveInterval(600);
    return "expires in 600 s";
  }

  /** Lets the session time out after one second without requests. */
  @GetMapping("/test/session/timeout")
  public String timeout(HttpServletRequest request) {
    request.getSession(false).setMaxInactiveInterval(1);
    return "expires in 1 s";
  }
}
