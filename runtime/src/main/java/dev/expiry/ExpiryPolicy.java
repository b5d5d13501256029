package dev.expiry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
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
 * <p>The annotation is repeatable: one endpoint can send browsers to the login page, give script
 * clients a challenge, and answer a stale CSRF token its own way:
 *
 * <pre>{@code
 * @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
 * @ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "shop",
 *               params = @Param(name = "error", value = "session_expired"))
 * @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 403, title = "CSRF token expired",
 *               detail = "Reload the form and submit it again")
 * }</pre>
 *
 * <p>On a Spring MVC controller or JAX-RS root resource it covers every handler method; on a
 * handler method (one with a request mapping, or with an HTTP method designator such as {@code
 * @GET}) it covers that method's routes. On a package ({@code package-info.java}) it covers every
 * endpoint of the package that has no policy of its own. An annotation type that carries {@code
 * @ExpiryPolicy} is itself a policy wherever it is written (a composed policy). The most specific
 * wins: method, then class, then package.
 *
 * <p>The Expiry annotation processor checks every policy against the HTTP RFCs at compile time
 * (a 401 must carry a challenge, a 3xx a location, header values must be safe to send, ...) and
 * generates the handler that serves it. Nothing reads this annotation at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
@Repeatable(ExpiryPolicies.class)
public @interface ExpiryPolicy {

  /** What has expired; the container's login session unless said otherwise. */
  Expired on() default Expired.SESSION;

  /** The kind of client this policy answers; see {@link Client} for how it is decided. */
  Client client() default Client.ANY;

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

  /**
   * The {@code Location} of a 3xx response: a path starting with {@code /} (resolved against the
   * application's context path) or an absolute {@code http(s)} URL. {@code {path}} in the query
   * part becomes the original path and query, percent-encoded, so the login page can send the user
   * back: {@code "/login?next={path}"}.
   */
  String location() default "";

  /**
   * The RFC 9457 problem type, a URI. Left out, it is a URI for what expired: {@code
   * https://expiry.dev/problems/session-expired}, {@code .../access-token-expired} or {@code
   * .../csrf-token-expired}; {@code about:blank} written here means the status alone says what
   * happened.
   */
  String type() default "about:blank";

  /** A short, human-readable summary for the body; a sensible default when empty. */
  String title() default "";

  /** A human-readable explanation of what to do for the body; a sensible default when empty. */
  String detail() default "";
}
