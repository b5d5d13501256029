package dev.expiry.processor.read;

import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.PolicyParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @ExpiryPolicy} annotation mirrors into {@link Policy} models. Works on mirrors by
 * qualified name: the annotation classes need not be on the processor's own class path.
 */
public final class PolicyReader {

  private final Elements elements;

  public PolicyReader(Elements elements) {
    this.elements = elements;
  }

  /**
   * The policies written on an element, in source order. An annotation whose values javac could
   * not resolve is left out: javac reports it itself.
   */
  public List<Policy> read(Element element) {
    List<Policy> policies = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isNamed(mirror, Names.EXPIRY_POLICY)) {
        read(element, mirror).ifPresent(policies::add);
      }
    }
    return policies;
  }

  static boolean isNamed(AnnotationMirror mirror, String qualifiedName) {
    Element type = mirror.getAnnotationType().asElement();
    return type instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName);
  }

  private Optional<Policy> read(Element element, AnnotationMirror mirror) {
    Map<String, AnnotationValue> explicit = byName(mirror.getElementValues());
    Map<String, AnnotationValue> all = byName(elements.getElementValuesWithDefaults(mirror));
    Optional<Integer> status = value(all, "status", Integer.class);
    Optional<String> scheme = value(all, "scheme", String.class);
    Optional<String> realm = value(all, "realm", String.class);
    Optional<String> location = value(all, "location", String.class);
    Optional<List<PolicyParam>> params = params(all.get("params"));
    if (status.isEmpty() || scheme.isEmpty() || realm.isEmpty() || location.isEmpty() || params.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Policy(element, mirror, status.get(), scheme.get(), realm.get(),
        params.get(), location.get(), explicit));
  }

  private Optional<List<PolicyParam>> params(AnnotationValue value) {
    if (value == null || !(value.getValue() instanceof List<?> list)) {
      return Optional.empty();
    }
    List<PolicyParam> params = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof AnnotationValue v) || !(v.getValue() instanceof AnnotationMirror param)) {
        return Optional.empty();
      }
      Map<String, AnnotationValue> values = byName(elements.getElementValuesWithDefaults(param));
      AnnotationValue name = values.get("name");
      AnnotationValue val = values.get("value");
      if (name == null || val == null
          || !(name.getValue() instanceof String n) || !(val.getValue() instanceof String s)) {
        return Optional.empty();
      }
      params.add(new PolicyParam(n, s, name, val));
    }
    return Optional.of(params);
  }

  private static <T> Optional<T> value(Map<String, AnnotationValue> values, String name, Class<T> type) {
    AnnotationValue value = values.get(name);
    return value != null && type.isInstance(value.getValue())
        ? Optional.of(type.cast(value.getValue()))
        : Optional.empty();
  }

  private static Map<String, AnnotationValue> byName(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
    Map<String, AnnotationValue> byName = new HashMap<>();
    values.forEach((k, v) -> byName.put(k.getSimpleName().toString(), v));
    return byName;
  }
}
