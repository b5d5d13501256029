/**
 * A Spring MVC application: controllers with class, method, package and composed policies. The
 * package default below covers every controller here that has no policy of its own.
 */
@ExpiryPolicy(status = 401, scheme = "PackageScheme", realm = "spring")
package dev.expiry.tests.spring;

import dev.expiry.ExpiryPolicy;
