package dev.expiry;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An auth-param of the challenge declared by {@link ExpiryPolicy}, for example
 * {@code @Param(name = "error", value = "invalid_token")}. The value is always sent as an RFC 9110
 * quoted-string.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Param {

  /** The parameter name: an RFC 9110 token, unique within the challenge (case-insensitive). */
  String name();

  /** The parameter value: visible ASCII, space and tab only. */
  String value();
}
