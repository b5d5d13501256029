package dev.expiry.processor.read;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Something javac has not resolved yet where a class is read: a supertype, the type of an
 * annotation (a policy, a mapping, a composed annotation), the type of a parameter. Usually one
 * that another processor generates in a later round; the class is read once it resolves.
 *
 * @param element where it is written
 * @param mirror the annotation whose type is not resolved, or {@code null} when it is a supertype or
 *     a parameter type
 * @param name the type's name as written
 */
public record Unresolved(Element element, AnnotationMirror mirror, String name) {

  /**
   * The first unresolved type the class depends on: in its supertypes, on it, its package, its
   * methods and their parameters, on the supertypes of this compilation it inherits from, and on
   * the annotation types of this compilation used there (class files' are as javac found them).
   *
   * @param inSource whether an element is declared in this compilation's sources
   */
  public static Optional<Unresolved> in(TypeElement type, Elements elements, Predicate<Element> inSource) {
    return new Search(elements, inSource).type(type);
  }

  private static final class Search {
    private final Elements elements;
    private final Predicate<Element> inSource;
    private final Set<Element> visited = new HashSet<>();

    Search(Elements elements, Predicate<Element> inSource) {
      this.elements = elements;
      this.inSource = inSource;
    }

    Optional<Unresolved> type(TypeElement type) {
      if (!visited.add(type)) {
        return Optional.empty();
      }
      Optional<Unresolved> found = annotations(elements.getPackageOf(type)).or(() -> annotations(type));
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        found = found.or(() -> annotations(method));
        for (VariableElement p : method.getParameters()) {
          found = found.or(() -> erroneous(method, p.asType()));
        }
      }
      List<TypeMirror> supertypes = new java.util.ArrayList<>(type.getInterfaces());
      supertypes.add(0, type.getSuperclass());
      for (TypeMirror supertype : supertypes) {
        found = found.or(() -> erroneous(type, supertype)).or(() -> supertype instanceof DeclaredType d
            && d.asElement() instanceof TypeElement t && inSource.test(t) ? type(t) : Optional.empty());
      }
      return found;
    }

    private static Optional<Unresolved> erroneous(Element where, TypeMirror type) {
      return type.getKind() == TypeKind.ERROR ? Optional.of(new Unresolved(where, null, type.toString()))
          : Optional.empty();
    }

    /** An annotation on the element whose type, or one of whose meta-annotations' types, is not resolved. */
    private Optional<Unresolved> annotations(Element element) {
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
          return Optional.of(new Unresolved(element, mirror, mirror.getAnnotationType().toString()));
        }
        Element annotationType = mirror.getAnnotationType().asElement();
        if (inSource.test(annotationType) && visited.add(annotationType)) {
          Optional<Unresolved> meta = annotations(annotationType);
          if (meta.isPresent()) {
            return Optional.of(new Unresolved(element, mirror, meta.get().name()));
          }
        }
      }
      return Optional.empty();
    }
  }
}
