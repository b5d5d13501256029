package dev.expiry.processor.read;

import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.PolicyParam;
import dev.expiry.processor.model.Unreadable;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @ExpiryPolicy} annotation mirrors into {@link Policy} models. Works on mirrors by
 * qualified name: the annotation classes need not be on the processor's own class path.
 */
public final class PolicyReader {

  private final Elements elements;
  private final Predicate<Element> inSource;
  /** The policies each annotation type carries, by qualified name; empty for most. */
  private final Map<String, List<Policy>> composed = new HashMap<>();
  /** The values each element read so far has that javac accepted and this processor cannot read; only non-empty lists. */
  private final Map<Element, List<Unreadable>> unreadable = new HashMap<>();
  /** The elements read so far with a policy javac reported an error in (directly or through a composed annotation). */
  private final Set<Element> erroneous = new HashSet<>();

  /**
   * @param inSource whether an element is declared in this compilation's sources (its content is
   *     then checked where it is declared)
   */
  public PolicyReader(Elements elements, Predicate<Element> inSource) {
    this.elements = elements;
    this.inSource = inSource;
  }

  /** Whether an element is declared in this compilation's sources. */
  public boolean isInSource(Element element) {
    return inSource.test(element);
  }

  /**
   * The policies that apply on an element, in source order: those written on it, and those that
   * composed annotations written on it carry (an annotation type that carries {@code @ExpiryPolicy}
   * is itself a policy, also when it is compiled elsewhere: its {@code @ExpiryPolicy} has class
   * retention). An annotation whose values javac could not resolve is left out: javac reports it
   * itself.
   */
  public List<Policy> read(Element element) {
    return read(element, new HashSet<>());
  }

  /**
   * The values of the policies on an element, read by {@link #read(Element)} before, that javac
   * accepted but this processor cannot read (a newer {@code expiry-runtime}'s enum constants); for a
   * composed annotation compiled elsewhere, reported at the use.
   */
  public List<Unreadable> unreadable(Element element) {
    return unreadable.getOrDefault(element, List.of());
  }

  /**
   * Whether a policy on an element, read by {@link #read(Element)} before, could not be read whole:
   * javac reported an error in one of its values (it reports it itself), or it has a value this
   * processor does not know, here or in a composed annotation of this compilation that it uses.
   */
  public boolean isIncomplete(Element element) {
    return erroneous.contains(element) || unreadable.containsKey(element);
  }

  private List<Policy> read(Element element, Set<String> visiting) {
    List<Policy> policies = new ArrayList<>();
    List<Unreadable> unknown = new ArrayList<>();
    boolean error = false;
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (Meta.isNamed(mirror, Names.EXPIRY_POLICY)) {
        error |= read(element, mirror, policies, unknown);
      } else if (Meta.isNamed(mirror, Names.EXPIRY_POLICIES)) {
        // Repeated @ExpiryPolicy: javac wraps them in the container, in source order.
        error |= Values.erroneous(mirror);
        for (AnnotationMirror repeated : nested(mirror, "value")) {
          error |= read(element, repeated, policies, unknown);
        }
      } else if (mirror.getAnnotationType().asElement() instanceof TypeElement type) {
        boolean source = inSource.test(type);
        for (Policy carried : carriedBy(type, visiting)) {
          policies.add(carried.usedAt(element, mirror, source));
        }
        // A composed annotation that could not be read whole: in this compilation it is reported at
        // its declaration, and its uses are incomplete; compiled elsewhere, it is reported here.
        error |= erroneous.contains(type);
        List<Unreadable> carried = unreadable.get(type);
        if (carried != null) {
          if (source) {
            error = true;
          } else {
            carried.forEach(u -> unknown.add(u.usedAt(element, mirror)));
          }
        }
      }
    }
    if (!unknown.isEmpty()) {
      unreadable.put(element, List.copyOf(unknown));
    }
    if (error) {
      erroneous.add(element);
    }
    return policies;
  }

  /** The policies an annotation type carries, itself or through composed annotations on it. */
  private List<Policy> carriedBy(TypeElement type, Set<String> visiting) {
    String name = type.getQualifiedName().toString();
    if (Names.isLibraryAnnotation(name)) {
      return List.of();
    }
    List<Policy> known = composed.get(name);
    if (known != null) {
      return known;
    }
    if (!visiting.add(name)) {
      return List.of(); // an annotation type that annotates itself, directly or not
    }
    List<Policy> carried = List.copyOf(read(type, visiting));
    visiting.remove(name);
    composed.put(name, carried);
    return carried;
  }

  private List<AnnotationMirror> nested(AnnotationMirror container, String attribute) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    AnnotationValue value = byName(elements.getElementValuesWithDefaults(container)).get(attribute);
    if (value != null && value.getValue() instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof AnnotationValue v && v.getValue() instanceof AnnotationMirror m) {
          mirrors.add(m);
        }
      }
    }
    return mirrors;
  }

  /**
   * Reads one {@code @ExpiryPolicy} into {@code policies}, or its values this processor does not
   * know into {@code unknown}; whether javac reported an error in it.
   */
  private boolean read(Element element, AnnotationMirror mirror, List<Policy> policies, List<Unreadable> unknown) {
    if (Values.erroneous(mirror)) {
      return true;
    }
    Map<String, AnnotationValue> explicit = byName(mirror.getElementValues());
    Map<String, AnnotationValue> all = byName(elements.getElementValuesWithDefaults(mirror));
    int before = unknown.size();
    known(element, mirror, all, "on", "Expired", Expired.values(), unknown);
    known(element, mirror, all, "client", "Client", Client.values(), unknown);
    if (unknown.size() > before) {
      return false;
    }
    read(element, mirror, explicit, all).ifPresent(policies::add);
    return false;
  }

  /** Adds the value of an enum attribute to {@code unknown} when it is a constant this processor does not know. */
  private static void known(Element element, AnnotationMirror mirror, Map<String, AnnotationValue> all,
      String attribute, String enumName, Enum<?>[] known, List<Unreadable> unknown) {
    AnnotationValue value = all.get(attribute);
    if (value != null && value.getValue() instanceof VariableElement constant) {
      String name = constant.getSimpleName().toString();
      if (Arrays.stream(known).noneMatch(k -> k.name().equals(name))) {
        unknown.add(new Unreadable(element, mirror, value, attribute, enumName + "." + name,
            Arrays.stream(known).map(Enum::name).toList()));
      }
    }
  }

  private Optional<Policy> read(Element element, AnnotationMirror mirror, Map<String, AnnotationValue> explicit,
      Map<String, AnnotationValue> all) {
    Optional<Integer> status = value(all, "status", Integer.class);
    Optional<String> scheme = value(all, "scheme", String.class);
    Optional<String> realm = value(all, "realm", String.class);
    Optional<String> location = value(all, "location", String.class);
    Optional<String> type = value(all, "type", String.class);
    Optional<String> title = value(all, "title", String.class);
    Optional<String> detail = value(all, "detail", String.class);
    Optional<Expired> on = constant(all, "on", Expired.class);
    Optional<Client> client = constant(all, "client", Client.class);
    Optional<List<PolicyParam>> params = params(all.get("params"));
    if (status.isEmpty() || scheme.isEmpty() || realm.isEmpty() || location.isEmpty() || params.isEmpty()
        || type.isEmpty() || title.isEmpty() || detail.isEmpty() || on.isEmpty() || client.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Policy(element, mirror, on.get(), client.get(), status.get(), scheme.get(),
        realm.get(), params.get(), location.get(), type.get(), title.get(), detail.get(), explicit,
        element, mirror, true));
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

  /** An enum constant, by name, mapped onto the processor's own copy of the enum. */
  private static <E extends Enum<E>> Optional<E> constant(Map<String, AnnotationValue> values, String name, Class<E> type) {
    AnnotationValue value = values.get(name);
    if (value == null || !(value.getValue() instanceof VariableElement constant)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, constant.getSimpleName().toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not reached: an unknown constant is reported as Unreadable first
    }
  }

  private static Map<String, AnnotationValue> byName(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
    Map<String, AnnotationValue> byName = new HashMap<>();
    values.forEach((k, v) -> byName.put(k.getSimpleName().toString(), v));
    return byName;
  }
}
