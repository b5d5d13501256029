package dev.expiry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an endpoint is public on purpose and gets no expiry answer: the login page itself, a
 * health check, a page that works with or without a session. With the rule {@code MissingPolicy}
 * turned on ({@code -Aexpiry.MissingPolicy=error}), every endpoint needs either a {@code SESSION}
 * policy or this annotation, with the reason.
 *
 * <pre>{@code
 * @NoExpiryPolicy(reason = "The login page must open whatever the state of the session.")
 * @GetMapping("/login")
 * String login() { ... }
 * }</pre>
 *
 * <p>On a method (a servlet's {@code doXxx}, a handler method), a class or a package
 * ({@code package-info.java}). It stands where a policy would: the most specific element wins, so
 * an exempt method of a class with a policy gets no answer, and a method's own policy answers on
 * an exempt class. Searching from the method outwards, the first element that has either a policy
 * for the expiry and kind of client, or this annotation, decides: with the annotation, the request
 * goes on to the application, whatever expired. An annotation type carrying it is an exemption
 * wherever it is written. It cannot stand on the same element as an {@code @ExpiryPolicy}.
 *
 * <p>The processor lists every exemption with its reason in the policy report. Nothing reads
 * this annotation at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface NoExpiryPolicy {

  /** Why the endpoint needs no expiry answer, for whoever reads the code or the report; not blank. */
  String reason();
}
