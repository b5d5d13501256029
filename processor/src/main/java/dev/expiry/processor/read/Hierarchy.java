package dev.expiry.processor.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * A type's supertypes and a method's overridden methods, in the order a framework searches them,
 * and the methods a class has as reflection lists them.
 */
public final class Hierarchy {

  /** The order in which a framework looks at supertypes. */
  public enum Order {
    /** Each type, then its interfaces, then its superclass: Spring's {@code MergedAnnotations}. */
    INTERFACES_FIRST,
    /** Each type, then its superclass, then its interfaces: JAX-RS §3.6 as Jersey implements it. */
    SUPERCLASS_FIRST
  }

  private static final String OBJECT = "java.lang.Object";

  private final Elements elements;

  public Hierarchy(Elements elements) {
    this.elements = elements;
  }

  /** The type and all its supertypes but {@code Object}, in the order given, each once. */
  public List<TypeElement> typeAndSupertypes(TypeElement type, Order order) {
    Set<TypeElement> found = new LinkedHashSet<>();
    walk(type, order, found);
    return List.copyOf(found);
  }

  private static void walk(TypeElement type, Order order, Set<TypeElement> found) {
    if (type.getQualifiedName().contentEquals(OBJECT) || !found.add(type)) {
      return;
    }
    if (order == Order.SUPERCLASS_FIRST) {
      superclassOf(type).ifPresent(s -> walk(s, order, found));
    }
    for (TypeMirror i : type.getInterfaces()) {
      if (i instanceof DeclaredType d && d.asElement() instanceof TypeElement t) {
        walk(t, order, found);
      }
    }
    if (order == Order.INTERFACES_FIRST) {
      superclassOf(type).ifPresent(s -> walk(s, order, found));
    }
  }

  /**
   * The method, then every method it overrides, searched from the class that declares it in the
   * order given: where a framework looks for the annotations of a handler method.
   */
  public List<ExecutableElement> methodAndOverridden(ExecutableElement method, Order order) {
    List<ExecutableElement> found = new ArrayList<>();
    found.add(method);
    if (!(method.getEnclosingElement() instanceof TypeElement declaring) || method.getModifiers().contains(Modifier.STATIC)) {
      return found;
    }
    for (TypeElement type : typeAndSupertypes(declaring, order)) {
      if (type.equals(declaring)) {
        continue;
      }
      for (ExecutableElement candidate : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (candidate.getSimpleName().contentEquals(method.getSimpleName())
            && elements.overrides(method, candidate, declaring)) {
          found.add(candidate);
        }
      }
    }
    return found;
  }

  /**
   * The instance methods a class has, as {@code Class.getMethods()} and Spring's method
   * introspection find them: declared in the class, then inherited from its superclasses and
   * interfaces and not overridden, {@code Object}'s left out. Each is the method reflection reports
   * for the class. A concrete class has no abstract method (one that javac still lists beside the
   * inherited method that implements it is left out).
   */
  public List<ExecutableElement> instanceMethods(TypeElement type) {
    Set<ExecutableElement> members = new LinkedHashSet<>(ElementFilter.methodsIn(elements.getAllMembers(type)));
    boolean concrete = isConcreteClass(type);
    List<ExecutableElement> ordered = new ArrayList<>();
    for (TypeElement t : typeAndSupertypes(type, Order.SUPERCLASS_FIRST)) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (members.contains(m) && !m.getModifiers().contains(Modifier.STATIC)
            && !(concrete && m.getModifiers().contains(Modifier.ABSTRACT))) {
          ordered.add(m);
        }
      }
    }
    return ordered;
  }

  /** Whether the type is a class that can be instantiated: not abstract, not an interface. */
  public static boolean isConcreteClass(TypeElement type) {
    return type.getKind() == ElementKind.CLASS && !type.getModifiers().contains(Modifier.ABSTRACT);
  }

  /** Whether the type or one of its superclasses has that qualified name. */
  public static boolean extendsNamed(TypeElement type, String qualifiedName) {
    for (TypeElement t = type; t != null; t = superclassOf(t).orElse(null)) {
      if (t.getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  /** The superclass, if the type has a resolved one. */
  public static java.util.Optional<TypeElement> superclassOf(TypeElement type) {
    return type.getSuperclass() instanceof DeclaredType d && d.asElement() instanceof TypeElement t
        ? java.util.Optional.of(t) : java.util.Optional.empty();
  }
}
