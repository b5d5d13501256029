package dev.expiry.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * What one element of an endpoint's search order (a method, a class or supertype, the package)
 * says: its policies, and whether it is exempt ({@code @NoExpiryPolicy}).
 *
 * @param policies the policies that apply on it
 * @param exemption its exemption, if any
 */
public record Level(List<Policy> policies, Optional<Exemption> exemption) {

  public static final Level NONE = new Level(List.of(), Optional.empty());

  public Level {
    policies = List.copyOf(policies);
  }

  /** Whether it says anything at all. */
  public boolean isEmpty() {
    return policies.isEmpty() && exemption.isEmpty();
  }
}
