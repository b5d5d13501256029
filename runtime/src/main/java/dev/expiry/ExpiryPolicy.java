package dev.expiry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the response an endpoint sends when the client's login session has expired.
 *
 * <p>On a servlet class (a subclass of {@code jakarta.servlet.http.HttpServlet}) the policy covers
 * every HTTP method; on an override of {@code doGet}, {@code doPost}, {@code doPut},
 * {@code doDelete}, {@code doHead}, {@code doOptions}, {@code doTrace} or {@code doPatch} it covers
 * that method only and wins over the class policy. HEAD follows GET unless {@code doHead} is
 * overridden.
 *
 * <pre>{@code
 * @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "http://example.com")
 * @WebServlet("/api/orders/*")
 * public class OrdersServlet extends HttpServlet { ... }
 * }</pre>
 *
 * <p>The Expiry annotation processor checks every policy against the HTTP RFCs at compile time
 * (a 401 must carry a challenge, a 3xx a location, header values must be safe to send, ...) and
 * generates the handler that serves it. Nothing reads this annotation at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ExpiryPolicy {

  /** The HTTP status code of the response, 300 to 599 except 304. Usually 401. */
  int status();

  /**
   * The auth-scheme of the challenge sent in {@code WWW-Authenticate} (or {@code
   * Proxy-Authenticate} for 407). Required for 401 and 407. Prefer a custom scheme (such as
   * {@code MyAuthScheme}) or {@code Bearer} over {@code Basic}, which makes browsers show a login
   * dialog.
   */
  String scheme() default "";

  /** The {@code realm} auth-param of the challenge, always sent first and quoted. */
  String realm() default "";

  /** Further auth-params of the challenge, sent in declaration order as quoted strings. */
  Param[] params() default {};

  /** The {@code Location} of a 3xx response. */
  String location() default "";
}
