package dev.expiry.benchmarks.filter;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@link dev.expiry.Param}'s twin with RUNTIME retention. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface RuntimeParam {

  String name();

  String value();
}
