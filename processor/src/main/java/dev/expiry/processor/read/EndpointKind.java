package dev.expiry.processor.read;

import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One kind of endpoint the processor reads: servlets, or the classes one framework dispatches to.
 * Each reads its own annotations by qualified name, so that a new framework is one implementation
 * (listed in {@link Endpoints#kinds}) and touches nothing else.
 */
public interface EndpointKind {

  /**
   * Called at the start of each round, before any element of it is read, for what the kind reads
   * once per round (an application path, which classes subclass which).
   */
  default void startRound(RoundEnvironment round) {}

  /**
   * Where a policy written on the element stands, if the element is this kind's business: a class
   * (or a supertype of one) that this kind's container or framework dispatches to, or a method of
   * one; an {@link Placement.Unreachable} when it looks like one but no request can reach it.
   * Empty when the element is none of this kind's.
   */
  Optional<Placement> placementOf(Element element);

  /**
   * The endpoint a class forms, with the policies that apply on each of its methods; empty when it
   * is no endpoint of this kind (or one without any policy, where this kind needs no row for it).
   */
  Optional<Endpoint> endpointOf(TypeElement type);

  /** What this kind's endpoints are, after "which is not": {@code an HttpServlet}. */
  String noun();

  /** How to put a policy where this kind applies it, as the end of a sentence: {@code put it on ...}. */
  String howToApply();
}
