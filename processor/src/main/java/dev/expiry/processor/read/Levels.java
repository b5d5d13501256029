package dev.expiry.processor.read;

import dev.expiry.processor.model.Exemption;
import dev.expiry.processor.model.Level;
import dev.expiry.processor.model.Policy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads what one element says about expiry: its policies (through the {@link PolicyReader}) and its
 * {@code @NoExpiryPolicy}, written on it or carried by a composed annotation written on it. Works
 * on mirrors by qualified name.
 */
public final class Levels {

  private final PolicyReader policies;
  /** The exemption each annotation type carries, by qualified name; empty for most. */
  private final Map<String, Optional<Exemption>> composed = new HashMap<>();

  public Levels(PolicyReader policies) {
    this.policies = policies;
  }

  public PolicyReader policies() {
    return policies;
  }

  /** The element's policies and exemption. */
  public Level of(Element element) {
    return new Level(policies.read(element), exemption(element));
  }

  /** The policies that apply on an element (see {@link PolicyReader#read}). */
  public List<Policy> policiesOf(Element element) {
    return policies.read(element);
  }

  /**
   * The element's {@code @NoExpiryPolicy}: its own, else the first one a composed annotation on it
   * carries. One whose reason javac could not read is taken with an empty reason, so that it is
   * still seen (javac reports the value itself).
   */
  public Optional<Exemption> exemption(Element element) {
    return exemption(element, new HashSet<>());
  }

  private Optional<Exemption> exemption(Element element, Set<String> visiting) {
    Optional<Exemption> carried = Optional.empty();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (Meta.isNamed(mirror, Names.NO_EXPIRY_POLICY)) {
        Optional<AnnotationValue> reason = Meta.explicit(mirror, "reason");
        String text = reason.map(AnnotationValue::getValue).filter(String.class::isInstance).map(String.class::cast)
            .orElse("");
        return Optional.of(new Exemption(element, mirror, text, reason.orElse(null), element, mirror, true));
      }
      if (carried.isEmpty() && mirror.getAnnotationType().asElement() instanceof TypeElement type) {
        boolean source = policies.isInSource(type);
        carried = carriedBy(type, visiting).map(e -> e.usedAt(element, mirror, source));
      }
    }
    return carried;
  }

  private Optional<Exemption> carriedBy(TypeElement type, Set<String> visiting) {
    String name = type.getQualifiedName().toString();
    if (Names.isLibraryAnnotation(name)) {
      return Optional.empty();
    }
    Optional<Exemption> known = composed.get(name);
    if (known != null) {
      return known;
    }
    if (!visiting.add(name)) {
      return Optional.empty();
    }
    Optional<Exemption> carried = exemption(type, visiting);
    visiting.remove(name);
    composed.put(name, carried);
    return carried;
  }
}
