package dev.expiry.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A class requests are dispatched to, with the policies that answer on it: a servlet, or a
 * framework's controller or resource. This is what the writers turn into rows.
 */
public sealed interface Endpoint permits ServletEndpoint, FrameworkEndpoint {

  /** The class. */
  TypeElement type();

  /** Its name as a container or framework reports it ({@code com.acme.Outer$Inner}). */
  String binaryName();

  /**
   * The policy of the most specific level that has one for this expiry and kind (levels ordered
   * most specific first: method, class, package).
   */
  static Optional<Policy> firstOf(List<List<Policy>> levels, Expired on, Client kind) {
    for (List<Policy> level : levels) {
      Optional<Policy> p = pick(level, on, kind);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** The policy on one element for this expiry and kind: the exact kind before {@code ANY}. */
  static Optional<Policy> pick(List<Policy> policies, Expired on, Client kind) {
    Optional<Policy> exact = policies.stream().filter(p -> p.on() == on && p.client() == kind).findFirst();
    return exact.isPresent() ? exact
        : policies.stream().filter(p -> p.on() == on && p.client() == Client.ANY).findFirst();
  }
}
