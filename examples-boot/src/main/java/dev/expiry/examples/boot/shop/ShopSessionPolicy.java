package dev.expiry.examples.boot.shop;

import dev.expiry.Client;
import dev.expiry.ExpiryPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shop's answer to an expired session, written once: a browser goes to Spring Security's
 * login page; a script gets a 401 with a challenge it can act on, never a redirect it would
 * silently follow.
 */
@ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
@ExpiryPolicy(client = Client.API, status = 401, scheme = "Session", realm = "shop")
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface ShopSessionPolicy {}
