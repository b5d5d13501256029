package dev.expiry.tests.jaxrs;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A composed policy, here used on one resource method. */
@ExpiryPolicy(client = Client.API, status = 401, scheme = "ApiScheme", realm = "api")
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface ApiSessionPolicy {}
