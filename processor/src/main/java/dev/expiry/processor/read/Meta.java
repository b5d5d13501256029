package dev.expiry.processor.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds annotations by qualified name, written directly or as meta-annotations of the annotations
 * written (Spring's {@code @GetMapping} carries {@code @RequestMapping}, JAX-RS's {@code @GET}
 * carries {@code @HttpMethod}), through mirrors only: the framework need not be on the
 * processor's class path.
 */
final class Meta {

  private Meta() {}

  /**
   * For each annotation written on the element that is, or is meta-annotated with, {@code
   * target}: the chain from the written annotation to the mirror of {@code target}, outermost
   * first.
   */
  static List<List<AnnotationMirror>> chains(Element element, String target) {
    List<List<AnnotationMirror>> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      chain(mirror, target, new HashSet<>()).ifPresent(found::add);
    }
    return found;
  }

  /** Whether the element carries {@code target}, directly or as a meta-annotation. */
  static boolean has(Element element, String target) {
    return !chains(element, target).isEmpty();
  }

  private static Optional<List<AnnotationMirror>> chain(AnnotationMirror mirror, String target, Set<String> visited) {
    if (!(mirror.getAnnotationType().asElement() instanceof TypeElement type)) {
      return Optional.empty();
    }
    String name = type.getQualifiedName().toString();
    if (name.equals(target)) {
      return Optional.of(List.of(mirror));
    }
    if (name.startsWith("java.lang.annotation.") || !visited.add(name)) {
      return Optional.empty();
    }
    for (AnnotationMirror meta : type.getAnnotationMirrors()) {
      Optional<List<AnnotationMirror>> inner = chain(meta, target, visited);
      if (inner.isPresent()) {
        List<AnnotationMirror> chain = new ArrayList<>();
        chain.add(mirror);
        chain.addAll(inner.get());
        return Optional.of(chain);
      }
    }
    return Optional.empty();
  }

  /** The value of an attribute written out on the mirror, if it is. */
  static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether the annotation's type declares the attribute. */
  static boolean declares(AnnotationMirror mirror, String attribute) {
    return mirror.getAnnotationType().asElement() instanceof TypeElement type
        && ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .anyMatch(m -> m.getSimpleName().contentEquals(attribute));
  }

  /**
   * The strings (or enum constant names) of an attribute written out on the mirror: one for a
   * single value, each for an array.
   */
  static List<String> strings(AnnotationMirror mirror, String attribute) {
    List<String> out = new ArrayList<>();
    explicit(mirror, attribute).ifPresent(v -> collect(v.getValue(), out));
    return out;
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof VariableElement constant) {
      out.add(constant.getSimpleName().toString());
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof AnnotationValue v) {
          collect(v.getValue(), out);
        }
      }
    }
  }
}
