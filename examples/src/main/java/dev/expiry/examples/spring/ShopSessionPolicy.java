package dev.expiry.examples.spring;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shop's session policy, written once and used on every controller: a composed policy. A
 * browser goes to the login page and comes back; a script gets a 401 it can act on.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "shop")
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface ShopSessionPolicy {}
