package dev.expiry.runtime;

import java.util.regex.Pattern;

/**
 * A path template of a framework, compiled once at start-up into a {@link Pattern} and the
 * numbers the framework ranks templates by. Templates come from generated code, so they are
 * already normalized: they start with {@code /} and have balanced braces.
 *
 * @param source the template as written, for logs
 * @param key the template with variable names left out, so that {@code /a/{x}} and {@code
 *     /a/{y}} are one template
 * @param pattern the whole-path pattern
 * @param literals the number of literal characters, {@code /} included
 * @param variables the number of template variables
 * @param regexVariables the number of variables with a regular expression of their own
 * @param wildcards the number of Spring MVC {@code *} wildcards
 * @param catchAll whether the template ends in Spring MVC's {@code **} or {@code {*name}}
 */
record RouteTemplate(
    String source, String key, Pattern pattern, int literals, int variables, int regexVariables, int wildcards,
    boolean catchAll) {

  /** Spring MVC's {@code PathPattern} score: each variable counts 1, each wildcard 100. */
  int springScore() {
    return variables + wildcards * 100;
  }

  /** Spring MVC's normalized length: each variable and wildcard counts as one character. */
  int springLength() {
    return literals + variables + wildcards;
  }

  /** Joins a class-level and a method-level template the way Spring MVC combines them. */
  static String combine(String classTemplate, String methodTemplate) {
    if (classTemplate.isEmpty()) {
      return methodTemplate.isEmpty() ? "/" : methodTemplate;
    }
    if (methodTemplate.isEmpty()) {
      return classTemplate;
    }
    boolean slashEnd = classTemplate.endsWith("/");
    boolean slashStart = methodTemplate.startsWith("/");
    if (slashEnd && slashStart) {
      return classTemplate + methodTemplate.substring(1);
    }
    return slashEnd || slashStart ? classTemplate + methodTemplate : classTemplate + "/" + methodTemplate;
  }

  /**
   * A Spring MVC {@code PathPattern}: {@code {name}}, {@code {name:regex}}, {@code *} and {@code ?}
   * within a segment, and a trailing {@code /**} or {@code /{*name}} that matches the rest of the
   * path, nothing included. Matched exactly: Spring MVC no longer matches a trailing slash.
   */
  static RouteTemplate spring(String template) {
    Parsed p = new Parsed(template);
    String[] segments = withSlash(template).substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("**") || (segment.startsWith("{*") && segment.endsWith("}"))) {
        p.regex.append(last ? "(?:/.*)?" : "(?:/[^/]*)*");
        p.key.append("/**");
        p.catchAll |= last;
        p.wildcards += last ? 0 : 1;
        continue;
      }
      p.regex.append('/');
      p.key.append('/');
      p.literals++;
      p.segment(segment, true);
    }
    return p.build(template);
  }

  /**
   * A JAX-RS {@code @Path} template: {@code {name}} matches one segment, {@code {name: regex}}
   * what the regular expression matches, {@code /} included; a trailing {@code /} is ignored.
   *
   * @param rest whether the pattern also matches a rest of the path, which it then captures in its
   *     last group (a resource class's template), or only an optional trailing slash
   */
  static RouteTemplate jaxRs(String template, boolean rest) {
    String t = template;
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    Parsed p = new Parsed(template);
    if (!t.isEmpty()) {
      p.segment(withSlash(t), false);
    }
    p.regex.append(rest ? "(/.*)?" : "/?");
    return p.build(template);
  }

  private static String withSlash(String template) {
    return template.startsWith("/") ? template : "/" + template;
  }

  /** Builds the pattern and counts while walking a template. */
  private static final class Parsed {
    final StringBuilder regex = new StringBuilder();
    final StringBuilder key = new StringBuilder();
    int literals;
    int variables;
    int regexVariables;
    int wildcards;
    boolean catchAll;
    final String template;

    Parsed(String template) {
      this.template = template;
    }

    /** Appends a stretch of template; {@code spring} enables {@code *} and {@code ?}. */
    void segment(String text, boolean spring) {
      int wholeSegmentStar = spring && text.equals("*") ? 1 : 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '{') {
          int end = closing(text, i);
          String inside = text.substring(i + 1, end);
          int colon = inside.indexOf(':');
          variables++;
          if (colon < 0) {
            regex.append("[^/]+");
            key.append("{}");
          } else {
            String re = inside.substring(colon + 1).trim();
            regexVariables++;
            regex.append("(?:").append(re).append(')');
            key.append("{:").append(re).append('}');
          }
          i = end;
        } else if (spring && c == '*') {
          wildcards++;
          regex.append(wholeSegmentStar == 1 ? "[^/]+" : "[^/]*");
          key.append('*');
        } else if (spring && c == '?') {
          wildcards++;
          regex.append("[^/]");
          key.append('?');
        } else {
          literals++;
          key.append(c);
          if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
            regex.append('\\');
          }
          regex.append(c);
        }
      }
    }

    /** The index of the brace that closes the one at {@code open}, counting nested braces. */
    private int closing(String text, int open) {
      int depth = 0;
      for (int i = open; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          return i;
        }
      }
      throw new IllegalArgumentException("unbalanced braces in route template " + template);
    }

    RouteTemplate build(String source) {
      if (key.length() == 0) {
        key.append('/');
      }
      return new RouteTemplate(source, key.toString(), Pattern.compile(regex.toString()), literals, variables,
          regexVariables, wildcards, catchAll);
    }
  }
}
