/**
 * A JAX-RS application on Jersey: resources with class, method, package and composed policies. The
 * package default below covers every resource here that has no policy of its own.
 */
@ExpiryPolicy(status = 401, scheme = "PackageScheme", realm = "jaxrs")
package dev.expiry.tests.jaxrs;

import dev.expiry.ExpiryPolicy;
