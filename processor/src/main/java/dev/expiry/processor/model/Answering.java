package dev.expiry.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * What decides the answer to one expiry for one kind of client: a policy, an exemption that stops
 * the search, or nothing (neither is found, and the request goes on to the application).
 *
 * @param policy the policy that answers, or {@code null}
 * @param exemption the exemption that stopped the search before any policy, or {@code null}
 */
public record Answering(Policy policy, Exemption exemption) {

  public static final Answering NOTHING = new Answering(null, null);

  public Optional<Policy> asPolicy() {
    return Optional.ofNullable(policy);
  }

  /**
   * Searches the levels, most specific first: the first that has a policy for the expiry and kind
   * (the exact kind before {@code ANY}) answers; the first that is exempt stops the search.
   */
  public static Answering search(List<Level> levels, Expired on, Client kind) {
    for (Level level : levels) {
      Optional<Policy> p = pick(level.policies(), on, kind);
      if (p.isPresent()) {
        return new Answering(p.get(), null);
      }
      if (level.exemption().isPresent()) {
        return new Answering(null, level.exemption().get());
      }
    }
    return NOTHING;
  }

  /** The policy on one element for this expiry and kind: the exact kind before {@code ANY}. */
  static Optional<Policy> pick(List<Policy> policies, Expired on, Client kind) {
    Optional<Policy> exact = policies.stream().filter(p -> p.on() == on && p.client() == kind).findFirst();
    return exact.isPresent() ? exact
        : policies.stream().filter(p -> p.on() == on && p.client() == Client.ANY).findFirst();
  }
}
