package dev.expiry.processor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The conditions besides method and path by which a framework chooses a handler: Spring MVC's
 * {@code params}, {@code headers}, {@code consumes} and {@code produces}, JAX-RS's {@code @Consumes}
 * and {@code @Produces}. Each is a set, as the frameworks compare them; media types are compared
 * without case, and {@code *}{@code /*} alone is no condition.
 *
 * @param params the parameter expressions ({@code "version=2"}, {@code "!debug"})
 * @param headers the header expressions
 * @param consumes the media types of the request body it accepts
 * @param produces the media types it responds with
 */
public record Conditions(SortedSet<String> params, SortedSet<String> headers, SortedSet<String> consumes,
    SortedSet<String> produces) {

  /** No condition at all. */
  public static final Conditions NONE = of(List.of(), List.of(), List.of(), List.of());

  public Conditions {
    params = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(params));
    headers = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(headers));
    consumes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(consumes));
    produces = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(produces));
  }

  /** The conditions as written: expressions trimmed, media types (also comma-separated ones) split. */
  public static Conditions of(Collection<String> params, Collection<String> headers, Collection<String> consumes,
      Collection<String> produces) {
    return new Conditions(trimmed(params), trimmed(headers), mediaTypes(consumes), mediaTypes(produces));
  }

  private static SortedSet<String> trimmed(Collection<String> values) {
    SortedSet<String> set = new TreeSet<>();
    values.stream().map(String::trim).filter(v -> !v.isEmpty()).forEach(set::add);
    return set;
  }

  private static SortedSet<String> mediaTypes(Collection<String> values) {
    SortedSet<String> set = new TreeSet<>();
    for (String value : values) {
      for (String type : value.split(",")) {
        String t = type.trim().replaceAll("\\s*;\\s*", ";").toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          set.add(t);
        }
      }
    }
    if (set.size() == 1 && set.first().equals("*/*")) {
      set.clear();
    }
    return set;
  }

  /** {@code params = [a=1], produces = [text/html]}; {@code no other condition} when none. */
  @Override
  public String toString() {
    List<String> written = new ArrayList<>();
    add(written, "params", params);
    add(written, "headers", headers);
    add(written, "consumes", consumes);
    add(written, "produces", produces);
    return written.isEmpty() ? "no other condition" : String.join(", ", written);
  }

  private static void add(List<String> into, String name, SortedSet<String> values) {
    if (!values.isEmpty()) {
      into.add(name + " = " + values);
    }
  }
}
