package dev.expiry.tests.spring;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A composed policy: defined once, used on any controller, method or package. */
@ExpiryPolicy(client = Client.API, status = 401, scheme = "ApiScheme", realm = "api")
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface ApiSessionPolicy {}
