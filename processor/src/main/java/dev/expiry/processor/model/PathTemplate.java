package dev.expiry.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path template as a framework writes it ({@code /orders/{id}}, {@code /items/{id: [0-9]{3}}},
 * {@code /docs/{*rest}}), parsed once into literal text and variables. Routes are joined, described
 * and compared through this one reader of templates.
 */
public final class PathTemplate {

  /**
   * How a framework spells templates, as far as telling two of them apart goes.
   *
   * @param defaultRegex the regular expression a variable without one matches, which written out
   *     means the same ({@code [^/]+} in JAX-RS); {@code null} when none counts as the same
   * @param trailingSlashIgnored whether {@code /a/} and {@code /a} are one template (JAX-RS)
   * @param catchAll whether {@code {*name}} and {@code **} match the rest of the path (Spring MVC)
   */
  public record Syntax(String defaultRegex, boolean trailingSlashIgnored, boolean catchAll) {}

  /** A run of literal text or one variable. */
  public sealed interface Part permits Literal, Variable {}

  /** Literal text, slashes included. */
  public record Literal(String text) implements Part {}

  /**
   * A variable: {@code {name}}, {@code {name: regex}} or, in Spring MVC, {@code {*name}}.
   *
   * @param name its name, without spaces around it (and without the {@code *} of a catch-all)
   * @param regex its regular expression, without spaces around it; {@code null} when none is written
   * @param catchAll whether it is Spring's {@code {*name}}
   */
  public record Variable(String name, String regex, boolean catchAll) implements Part {}

  private final String text;
  private final List<Part> parts;

  private PathTemplate(String text) {
    this.text = text;
    this.parts = parse(text);
  }

  /**
   * The template the pieces form when joined as a framework joins a class's and a method's
   * templates: each piece trimmed and given a leading slash, one slash between two; {@code /} when
   * all are empty.
   */
  public static PathTemplate of(String... pieces) {
    String joined = "";
    for (String piece : pieces) {
      joined = join(joined, normalize(piece));
    }
    return new PathTemplate(joined.isEmpty() ? "/" : joined);
  }

  /** The template as written (joined and normalized). */
  public String text() {
    return text;
  }

  public List<Part> parts() {
    return parts;
  }

  /**
   * A key that two templates share exactly when the framework matches the same paths by them:
   * variable names left out ({@code {id}} and {@code {key}} are one), a written-out default
   * expression made none, a catch-all made {@code **}, a trailing slash dropped where it is ignored.
   */
  public String equivalenceKey(Syntax syntax) {
    StringBuilder key = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        key.append(literal.text());
      } else if (part instanceof Variable v) {
        if (syntax.catchAll() && v.catchAll()) {
          key.append("**");
        } else if (v.regex() == null || v.regex().equals(syntax.defaultRegex())) {
          key.append("{}");
        } else {
          key.append("{:").append(v.regex()).append('}');
        }
      }
    }
    if (syntax.trailingSlashIgnored() && key.length() > 1 && key.charAt(key.length() - 1) == '/') {
      key.setLength(key.length() - 1);
    }
    return key.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathTemplate t && t.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Literal runs and variables. A variable's expression may hold braces of its own ({@code
   * {id: [0-9]{3}}}); an opening brace that is never closed is literal text, as neither framework
   * would start with it.
   */
  private static List<Part> parse(String template) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int end = c == '{' ? closingBrace(template, i) : -1;
      if (end < 0) {
        literal.append(c);
        i++;
        continue;
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      String inside = template.substring(i + 1, end);
      int colon = inside.indexOf(':');
      String name = (colon < 0 ? inside : inside.substring(0, colon)).trim();
      String regex = colon < 0 ? null : inside.substring(colon + 1).trim();
      boolean catchAll = name.startsWith("*");
      parts.add(new Variable(catchAll ? name.substring(1).trim() : name, regex, catchAll));
      i = end + 1;
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return List.copyOf(parts);
  }

  /** The index of the brace that closes the one at {@code open}, or -1. */
  private static int closingBrace(String template, int open) {
    int depth = 0;
    for (int i = open; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\') {
        i++; // an escaped brace in a regex does not count
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Joins two normalized templates with one slash between them. */
  private static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    if (a.endsWith("/") && b.startsWith("/")) {
      return a + b.substring(1);
    }
    return a.endsWith("/") || b.startsWith("/") ? a + b : a + "/" + b;
  }

  /** A template as written, trimmed, with a leading slash added unless it is empty. */
  private static String normalize(String template) {
    String t = template.trim();
    return t.isEmpty() || t.startsWith("/") ? t : "/" + t;
  }
}
