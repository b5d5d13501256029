package dev.expiry.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * The policies (and exemption) written on one element, and whether that element is a place where a policy can
 * apply. This is what rules check.
 *
 * @param element the annotated element
 * @param policies the policies that apply on it, in source order: written on it, or carried by a
 *     composed annotation written on it
 * @param exemption its {@code @NoExpiryPolicy}, written on it or carried by a composed annotation
 * @param outer the policies of the elements enclosing it that apply where its own do not (the
 *     class's and the package's, for a method; the package's, for a class)
 * @param placement where it stands
 * @param unreadable the values on it that javac accepted but the processor cannot read (their
 *     policies are not in {@code policies})
 * @param incomplete whether a policy on it or around it could not be read: javac reported an error
 *     in it, or it has a value in {@code unreadable} here or on an enclosing element. The rules are
 *     then not run on it (but for the report of {@code unreadable}), since what they would say about
 *     the policies that are left is noise
 */
public record Declaration(Element element, List<Policy> policies, Optional<Exemption> exemption, List<Policy> outer,
    Placement placement, List<Unreadable> unreadable, boolean incomplete) {

  public Declaration {
    policies = List.copyOf(policies);
    outer = List.copyOf(outer);
    unreadable = List.copyOf(unreadable);
  }

  /** A declaration of policies only, whose every value was read. */
  public Declaration(Element element, List<Policy> policies, List<Policy> outer, Placement placement) {
    this(element, policies, Optional.empty(), outer, placement, List.of(), false);
  }

  /** Where a policy is written, as far as the runtime is concerned. */
  public sealed interface Placement {

    /** On a servlet class: covers every HTTP method. */
    record ServletClass() implements Placement {}

    /** On a {@code doXxx} override of a servlet: covers that HTTP method. */
    record ServletMethod(HttpMethod method) implements Placement {}

    /**
     * On a class a framework dispatches to, or on a supertype whose handler methods such classes
     * inherit: covers every handler method of those classes.
     */
    record FrameworkClass(Framework framework) implements Placement {}

    /**
     * On a handler method, declared in a controller or resource or in a supertype it inherits the
     * method from: covers that method wherever the framework dispatches to it.
     */
    record FrameworkMethod(Framework framework) implements Placement {}

    /** On a package: covers every endpoint of the package that has no policy of its own. */
    record PackageDefault() implements Placement {}

    /** On an annotation type: a composed policy, which applies where the annotation is used. */
    record Composed() implements Placement {}

    /**
     * Somewhere no request can ever reach.
     *
     * @param what what the element is, in words, for the diagnostic
     * @param fix how to put the policy where it applies
     */
    record Unreachable(String what, String fix) implements Placement {}
  }

  /** The policies whose content the rules check here (see {@link Policy#checkedHere()}). */
  public List<Policy> checked() {
    return policies.stream().filter(Policy::checkedHere).toList();
  }

  public Optional<Placement.Unreachable> unreachable() {
    return placement instanceof Placement.Unreachable u ? Optional.of(u) : Optional.empty();
  }
}
