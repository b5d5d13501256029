package dev.expiry.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * The policies written on one element, and whether that element is a place where a policy can
 * apply. This is what rules check.
 *
 * @param element the annotated element
 * @param policies the policies on it, in source order
 * @param outer the policies of the element enclosing it that apply where its own do not (the
 *     class's, for a method)
 * @param placement where it stands
 */
public record Declaration(Element element, List<Policy> policies, List<Policy> outer, Placement placement) {

  public Declaration {
    policies = List.copyOf(policies);
    outer = List.copyOf(outer);
  }

  /** Where a policy is written, as far as the runtime is concerned. */
  public sealed interface Placement {

    /** On a servlet class: covers every HTTP method. */
    record ServletClass() implements Placement {}

    /** On a {@code doXxx} override of a servlet: covers that HTTP method. */
    record ServletMethod(HttpMethod method) implements Placement {}

    /**
     * Somewhere no request can ever reach.
     *
     * @param what what the element is, in words, for the diagnostic
     * @param fix how to put the policy where it applies
     */
    record Unreachable(String what, String fix) implements Placement {}
  }

  public Optional<Placement.Unreachable> unreachable() {
    return placement instanceof Placement.Unreachable u ? Optional.of(u) : Optional.empty();
  }
}
