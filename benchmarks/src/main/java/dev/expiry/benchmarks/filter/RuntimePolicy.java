package dev.expiry.benchmarks.filter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@link dev.expiry.ExpiryPolicy}'s twin with RUNTIME retention, for the reflection baseline. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuntimePolicy {

  int status();

  String scheme() default "";

  String realm() default "";

  RuntimeParam[] params() default {};

  String location() default "";
}
