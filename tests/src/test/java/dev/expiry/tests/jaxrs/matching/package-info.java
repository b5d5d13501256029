/**
 * Resources where only Jersey can tell which method a request runs: a sub-resource a locator
 * returns, a method inherited from an abstract class, JAX-RS annotations declared on an
 * interface, two methods on one path told apart by media type. There is no package default here:
 * every answer is the policy of the method Jersey matched, or of its class.
 */
package dev.expiry.tests.jaxrs.matching;
