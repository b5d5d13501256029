package dev.expiry.processor.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route a framework dispatches to a handler method: an HTTP method and a path template.
 *
 * @param framework the framework
 * @param method an HTTP method such as {@code GET}, or {@code *} for a Spring MVC mapping that
 *     names none
 * @param applicationPath the JAX-RS {@code @ApplicationPath}, normalized ({@code ""} or {@code
 *     /api}); always {@code ""} for Spring MVC
 * @param classTemplate the class-level template, normalized ({@code ""} or starting with {@code /})
 * @param methodTemplate the method-level template, normalized likewise
 */
public record Route(
    Framework framework, String method, String applicationPath, String classTemplate, String methodTemplate) {

  public static final String ANY_METHOD = "*";

  private static final Pattern VARIABLE = Pattern.compile("\\{\\s*([^}:\\s]*)\\s*(?::\\s*((?:[^{}]|\\{[^}]*\\})*?)\\s*)?}");

  /** The full template: application path, class template and method template. */
  public String template() {
    String t = join(join(applicationPath, classTemplate), methodTemplate);
    return t.isEmpty() ? "/" : t;
  }

  /** {@code GET /api/orders/{id}}. */
  public String describe() {
    return (method.equals(ANY_METHOD) ? "any method" : method) + " " + template();
  }

  /**
   * The template with variable names left out and each framework's equivalent spellings made one,
   * so that two routes are equivalent when these are equal: {@code {id}} and {@code {key}}, and in
   * JAX-RS {@code {id: [^/]+}} and {@code {id}}, and a trailing slash.
   */
  public String equivalenceKey() {
    String t = template();
    if (framework == Framework.JAX_RS && t.length() > 1 && t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    Matcher m = VARIABLE.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String regex = m.group(2);
      String replacement;
      if (framework == Framework.SPRING_MVC && name.startsWith("*")) {
        replacement = "**";
      } else if (regex == null || (framework == Framework.JAX_RS && regex.equals("[^/]+"))) {
        replacement = "{}";
      } else {
        replacement = "{:" + regex + "}";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Joins two normalized templates with one slash between them. */
  public static String join(String a, String b) {
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

  /** A template as written, with a leading slash added unless it is empty. */
  public static String normalize(String template) {
    String t = template.trim();
    return t.isEmpty() || t.startsWith("/") ? t : "/" + t;
  }
}
