package dev.expiry.processor.read.spring;

import dev.expiry.processor.read.Meta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The attributes of an annotation as Spring's merged annotations ({@code MergedAnnotations},
 * {@code AnnotatedElementUtils.findMergedAnnotation}) read them, when it is written directly or
 * carried by a composed annotation: {@code @GetMapping("/x")} is {@code @RequestMapping(method =
 * GET, path = "/x")}.
 *
 * <p>The rules are those of {@code @AliasFor}: an attribute with {@code @AliasFor(annotation =
 * RequestMapping.class, attribute = "path")} overrides {@code path} of the meta-annotation (the
 * attribute name may be left out when it is the same); attributes that override the same attribute,
 * directly or through other overrides, are implicit aliases of each other; two attributes of one
 * annotation that name each other ({@code path} and {@code value} of {@code @RequestMapping}) are
 * mirrors, of which the one not at its default counts. The value of an attribute comes from the
 * annotation written on the element when any of its attributes overrides it (even at that
 * attribute's default), else from the meta-annotation nearest to it that declares an override,
 * else from the meta-annotation itself as written on the composed annotation. An attribute that is
 * merely named like one of the meta-annotation overrides nothing: Spring deprecated these
 * convention-based overrides in 6.0 and removed them in 7.0.
 */
final class MergedAttributes {

  static final String ALIAS_FOR = "org.springframework.core.annotation.AliasFor";
  private static final String ANNOTATION = "java.lang.annotation.Annotation";

  /** The chain from the annotation written on the element to the one read, outermost first. */
  private final List<AnnotationMirror> chain;
  private final Elements elements;

  private final Aliases aliases;
  /** The values of each annotation of the chain, defaults included, read once for all attributes. */
  private final Map<AnnotationMirror, Map<? extends ExecutableElement, ? extends AnnotationValue>> withDefaults =
      new java.util.IdentityHashMap<>();

  /** One attribute of one annotation of the chain. */
  private record Attribute(int level, String name) {}

  /**
   * Which attributes alias which, for each chain of annotation types: it depends on the types
   * alone, not on the values of a use, so a compilation works it out once per chain and attribute.
   */
  static final class Aliases {
    private final Map<String, Set<Attribute>> byChainAndAttribute = new java.util.HashMap<>();
  }

  MergedAttributes(List<AnnotationMirror> chain, Elements elements, Aliases aliases) {
    this.chain = List.copyOf(chain);
    this.elements = elements;
    this.aliases = aliases;
  }

  /** The strings (or enum constant names) of an attribute of the last annotation of the chain, merged. */
  List<String> strings(String attribute) {
    StringBuilder key = new StringBuilder(attribute);
    for (AnnotationMirror mirror : chain) {
      key.append('<').append(Meta.nameOf(mirror));
    }
    Set<Attribute> aliases = this.aliases.byChainAndAttribute.computeIfAbsent(key.toString(),
        k -> aliasesOf(new Attribute(chain.size() - 1, attribute)));
    for (int level = 0; level < chain.size(); level++) {
      Set<String> names = new TreeSet<>(); // sorted by name, as Spring orders attributes
      for (Attribute a : aliases) {
        if (a.level() == level) {
          names.add(a.name());
        }
      }
      if (!names.isEmpty()) {
        return resolve(chain.get(level), names);
      }
    }
    return List.of();
  }

  /**
   * The attribute, its mirrors, and every attribute of the chain that overrides any of them,
   * directly or transitively.
   */
  private Set<Attribute> aliasesOf(Attribute start) {
    Set<Attribute> found = new LinkedHashSet<>();
    found.add(start);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int level = 0; level < chain.size(); level++) {
        for (ExecutableElement attribute : attributes(level)) {
          Attribute self = new Attribute(level, attribute.getSimpleName().toString());
          Optional<Attribute> target = aliasTarget(level, attribute);
          if (target.isEmpty()) {
            continue;
          }
          if (found.contains(target.get())) {
            grew |= found.add(self);
          }
          if (target.get().level() == level && found.contains(self)) {
            grew |= found.add(target.get()); // mirrors alias each other, whichever side declares it
          }
        }
      }
    }
    return found;
  }

  /** What an attribute's {@code @AliasFor} points at, when it points within the chain. */
  private Optional<Attribute> aliasTarget(int level, ExecutableElement attribute) {
    for (AnnotationMirror alias : attribute.getAnnotationMirrors()) {
      if (!Meta.isNamed(alias, ALIAS_FOR)) {
        continue;
      }
      List<String> annotation = Meta.strings(alias, "annotation");
      String name = first(Meta.strings(alias, "attribute")).or(() -> first(Meta.strings(alias, "value")))
          .orElse(attribute.getSimpleName().toString());
      if (annotation.isEmpty() || annotation.get(0).equals(ANNOTATION)
          || annotation.get(0).equals(Meta.nameOf(chain.get(level)))) {
        return Optional.of(new Attribute(level, name));
      }
      for (int meta = level + 1; meta < chain.size(); meta++) {
        if (Meta.nameOf(chain.get(meta)).equals(annotation.get(0))) {
          return Optional.of(new Attribute(meta, name));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(List<String> values) {
    return values.stream().filter(v -> !v.isEmpty()).findFirst();
  }

  private List<ExecutableElement> attributes(int level) {
    return chain.get(level).getAnnotationType().asElement() instanceof TypeElement type
        ? ElementFilter.methodsIn(type.getEnclosedElements()) : List.of();
  }

  /** The value of the first of the mirrored attributes that is not at its default, else of the first. */
  private List<String> resolve(AnnotationMirror mirror, Set<String> names) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        withDefaults.computeIfAbsent(mirror, elements::getElementValuesWithDefaults);
    List<String> first = null;
    for (String name : names) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
        if (!e.getKey().getSimpleName().contentEquals(name)) {
          continue;
        }
        List<String> value = Meta.strings(e.getValue());
        AnnotationValue defaultValue = e.getKey().getDefaultValue();
        if (defaultValue == null || !Objects.equals(value, Meta.strings(defaultValue))) {
          return value;
        }
        if (first == null) {
          first = value;
        }
      }
    }
    return first == null ? List.of() : new ArrayList<>(first);
  }
}
