package dev.expiry.processor.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * Finds annotations by qualified name, written directly or as meta-annotations of the annotations
 * written (Spring's {@code @GetMapping} carries {@code @RequestMapping}, JAX-RS's {@code @GET}
 * carries {@code @HttpMethod}), through mirrors only: the framework need not be on the
 * processor's class path.
 */
public final class Meta {

  private Meta() {}

  /**
   * For each annotation written on the element that is, or is meta-annotated with, {@code
   * target}: the chain from the written annotation to the mirror of {@code target}, outermost
   * first; of several ways to reach it, the shortest, as Spring's merged annotations take it.
   */
  public static List<List<AnnotationMirror>> chains(Element element, String target) {
    List<List<AnnotationMirror>> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      chain(mirror, target).ifPresent(found::add);
    }
    return found;
  }

  /**
   * The chain to {@code target} that Spring finds first on the element: the shortest (a direct
   * annotation before a meta-annotation), the first written of equally short ones.
   */
  public static Optional<List<AnnotationMirror>> nearest(Element element, String target) {
    return chains(element, target).stream().min(Comparator.comparingInt(List::size));
  }

  /** Whether the element carries {@code target}, directly or as a meta-annotation. */
  public static boolean has(Element element, String target) {
    return !chains(element, target).isEmpty();
  }

  /** Breadth first: the shortest chain from {@code mirror} to {@code target}. */
  private static Optional<List<AnnotationMirror>> chain(AnnotationMirror mirror, String target) {
    Queue<List<AnnotationMirror>> queue = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    queue.add(List.of(mirror));
    while (!queue.isEmpty()) {
      List<AnnotationMirror> path = queue.remove();
      AnnotationMirror last = path.get(path.size() - 1);
      String name = nameOf(last);
      if (name.equals(target)) {
        return Optional.of(path);
      }
      if (name.isEmpty() || name.startsWith("java.lang.annotation.") || !visited.add(name)) {
        continue;
      }
      for (AnnotationMirror meta : last.getAnnotationType().asElement().getAnnotationMirrors()) {
        List<AnnotationMirror> longer = new ArrayList<>(path);
        longer.add(meta);
        queue.add(List.copyOf(longer));
      }
    }
    return Optional.empty();
  }

  /** The qualified name of an annotation's type; empty when it is not resolved. */
  public static String nameOf(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement() instanceof TypeElement type
        && mirror.getAnnotationType().getKind() == javax.lang.model.type.TypeKind.DECLARED
        ? nameOf(type) : "";
  }

  /**
   * Qualified names as strings, once per name: javac converts its names to strings anew on every
   * call, and the readers compare annotation names on every element. Weak keys, so that a
   * compiler kept alive between builds (an IDE, a daemon) does not keep old compilations' names.
   */
  private static final Map<javax.lang.model.element.Name, String> NAMES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The qualified name of a type, as a string. */
  public static String nameOf(TypeElement type) {
    javax.lang.model.element.Name name = type.getQualifiedName();
    String known = NAMES.get(name);
    if (known == null) {
      known = name.toString();
      NAMES.put(name, known);
    }
    return known;
  }

  /** Whether the mirror is an annotation of exactly that type. */
  public static boolean isNamed(AnnotationMirror mirror, String qualifiedName) {
    return nameOf(mirror).equals(qualifiedName);
  }

  /** The value of an attribute written out on the mirror, if it is. */
  public static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The strings (or enum constant names, or class names) of an attribute written out on the mirror:
   * one for a single value, each for an array.
   */
  public static List<String> strings(AnnotationMirror mirror, String attribute) {
    List<String> out = new ArrayList<>();
    explicit(mirror, attribute).ifPresent(v -> collect(v.getValue(), out));
    return out;
  }

  /** The strings (or enum constant names, or class names) of an annotation value. */
  public static List<String> strings(AnnotationValue value) {
    List<String> out = new ArrayList<>();
    collect(value.getValue(), out);
    return out;
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof VariableElement constant) {
      out.add(constant.getSimpleName().toString());
    } else if (value instanceof DeclaredType type && type.asElement() instanceof TypeElement t) {
      out.add(t.getQualifiedName().toString());
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof AnnotationValue v) {
          collect(v.getValue(), out);
        }
      }
    }
  }
}
