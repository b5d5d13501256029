package dev.expiry.processor.read;

import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Framework;
import dev.expiry.processor.model.FrameworkEndpoint;
import dev.expiry.processor.model.Level;
import dev.expiry.processor.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What every framework that dispatches to handler methods shares: a concrete class it dispatches to
 * has handler methods of its own and inherited ones, mapped on the method or on a method it
 * overrides; supertypes carry mappings and policies that such classes inherit; a policy applies on
 * the method (or one it overrides), then the class (or a supertype), then the package. A framework
 * says which classes and methods are its, where their mappings are, and what routes they have.
 */
public abstract class FrameworkKind implements EndpointKind {

  protected final Elements elements;
  private final Hierarchy hierarchy;
  private final Levels levels;
  private final MethodKeys keys;
  private final Framework framework;
  private final Hierarchy.Order order;
  private final String noun;
  private final String howToApply;
  /** Which types declare a method with the framework's method annotations, for this round. */
  private final Map<TypeElement, Boolean> declaresAnnotatedMethods = new HashMap<>();

  /**
   * @param order the order in which the framework searches supertypes for annotations
   * @param noun see {@link #noun()}
   * @param howToApply see {@link #howToApply()}
   */
  protected FrameworkKind(Framework framework, Hierarchy.Order order, String noun, String howToApply,
      Elements elements, Levels levels, MethodKeys keys) {
    this.framework = framework;
    this.order = order;
    this.noun = noun;
    this.howToApply = howToApply;
    this.elements = elements;
    this.hierarchy = new Hierarchy(elements);
    this.levels = levels;
    this.keys = keys;
  }

  public final Framework framework() {
    return framework;
  }

  @Override
  public final String noun() {
    return noun;
  }

  @Override
  public final String howToApply() {
    return howToApply;
  }

  /** Whether the framework dispatches to instances of this concrete class. */
  protected abstract boolean isEndpointClass(TypeElement concrete);

  /**
   * Whether the type is one whose mappings or handler methods the framework's classes inherit: an
   * abstract class or interface with a class-level mapping or handler methods (or a concrete class
   * that the framework's classes extend).
   */
  protected abstract boolean isBase(TypeElement type);

  /**
   * The method whose annotations map this one, if it is a handler method: itself, or a method it
   * overrides, found as the framework finds it.
   */
  protected abstract Optional<ExecutableElement> mappingSource(ExecutableElement method);

  /**
   * Whether the method carries any of the framework's method annotations itself (a mapping, or
   * what makes its annotations its own): what a handler method of a class needs somewhere in the
   * class's hierarchy.
   */
  protected abstract boolean carriesMethodAnnotations(ExecutableElement method);

  /** The annotation on the mapping source that maps it ({@code @GetMapping}, {@code @GET}). */
  protected abstract AnnotationMirror mappingOf(ExecutableElement source);

  /** The routes that lead to a handler method of an endpoint class. */
  protected abstract List<Route> routes(TypeElement endpoint, ExecutableElement method, ExecutableElement source);

  /** Why a method of one of the framework's classes, that is no handler method, is not reached. */
  protected abstract Placement.Unreachable notAHandler(ExecutableElement method, TypeElement owner);

  /**
   * Where a policy stands on an element of a type that is neither an endpoint class nor a base but
   * carries the framework's annotations (a mapping outside a controller); empty when it carries none.
   */
  protected Optional<Placement> misplaced(Element element) {
    return Optional.empty();
  }

  /** Clears what this kind remembers of the last round's elements; a kind that overrides it calls it. */
  @Override
  public void startRound(RoundEnvironment round) {
    declaresAnnotatedMethods.clear();
  }

  @Override
  public final Optional<Placement> placementOf(Element element) {
    if (element instanceof TypeElement type) {
      return isOwn(type) ? Optional.of(new Placement.FrameworkClass(framework)) : misplaced(type);
    }
    if (element instanceof ExecutableElement method && method.getKind() == ElementKind.METHOD
        && method.getEnclosingElement() instanceof TypeElement owner) {
      if (!isOwn(owner)) {
        return misplaced(method);
      }
      return Optional.of(mappingSource(method).isPresent()
          ? new Placement.FrameworkMethod(framework) : notAHandler(method, owner));
    }
    return Optional.empty();
  }

  /** An endpoint class, or a supertype such classes inherit from. */
  private boolean isOwn(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.INTERFACE) {
      return false;
    }
    return Hierarchy.isConcreteClass(type) && isEndpointClass(type) || isBase(type);
  }

  @Override
  public final Optional<Endpoint> endpointOf(TypeElement type) {
    if (!Hierarchy.isConcreteClass(type) || !isEndpointClass(type)) {
      return Optional.empty();
    }
    List<FrameworkEndpoint.Handler> handlers = new ArrayList<>();
    for (ExecutableElement method : annotatedMethods(type)) {
      mappingSource(method).ifPresent(source -> handlers.add(new FrameworkEndpoint.Handler(method,
          mappingOf(source), routes(type, method, source), keys.of(method), methodLevels(method))));
    }
    List<Level> classLevels = new ArrayList<>();
    for (TypeElement t : hierarchy.typeAndSupertypes(type, order)) {
      if (t.equals(type) || isOwn(t)) {
        classLevels.add(levels.of(t));
      }
    }
    return Optional.of(new FrameworkEndpoint(type, elements.getBinaryName(type).toString(), framework, classLevels,
        levels.of(elements.getPackageOf(type)), handlers));
  }

  /**
   * What the method says, then each method it overrides that is a handler method in its
   * own right (a policy on any other is reported as not reached, and so does not apply).
   */
  private List<Level> methodLevels(ExecutableElement method) {
    List<Level> found = new ArrayList<>();
    for (ExecutableElement m : hierarchy.methodAndOverridden(method, order)) {
      if (m.equals(method) || mappingSource(m).isPresent()) {
        found.add(levels.of(m));
      }
    }
    return found;
  }

  /** The methods the framework looks at, from the one reflection reports through those it overrides. */
  protected final List<ExecutableElement> searchOrder(ExecutableElement method) {
    return hierarchy.methodAndOverridden(method, order);
  }

  /** The type and its supertypes, in the framework's order. */
  protected final List<TypeElement> typeAndSupertypes(TypeElement type) {
    return hierarchy.typeAndSupertypes(type, order);
  }

  /** Whether any method the type has (declared or inherited) is a handler method. */
  protected final boolean hasHandlerMethods(TypeElement type) {
    return annotatedMethods(type).stream().anyMatch(m -> mappingSource(m).isPresent());
  }

  /**
   * The methods the type has (declared or inherited) that carry the framework's method annotations
   * or override one that does: none, found cheaply, when no type of its hierarchy declares any.
   */
  protected final List<ExecutableElement> annotatedMethods(TypeElement type) {
    if (!mayHaveHandlerMethods(type)) {
      return List.of();
    }
    return hierarchy.instanceMethods(type).stream()
        .filter(m -> searchOrder(m).stream().anyMatch(this::carriesMethodAnnotations)).toList();
  }

  /** Whether the type or a supertype declares a method with the framework's method annotations. */
  private boolean mayHaveHandlerMethods(TypeElement type) {
    return typeAndSupertypes(type).stream().anyMatch(t -> declaresAnnotatedMethods.computeIfAbsent(t,
        k -> ElementFilter.methodsIn(k.getEnclosedElements()).stream().anyMatch(this::carriesMethodAnnotations)));
  }

  /** {@code class Foo}, {@code interface Foo}, {@code abstract class Foo}. */
  protected static String describe(TypeElement type) {
    String kind = type.getKind() == ElementKind.INTERFACE ? "interface"
        : type.getModifiers().contains(Modifier.ABSTRACT) ? "abstract class" : "class";
    return kind + " " + type.getSimpleName();
  }
}
