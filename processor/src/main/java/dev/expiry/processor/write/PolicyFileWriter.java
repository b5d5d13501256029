package dev.expiry.processor.write;

import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Expired;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the policy file, {@value #PATH}, that {@code expiry-runtime} reads at start-up: per Java
 * package, each distinct response once, each distinct combination of responses once, then one line
 * per endpoint. Its size follows what differs, not the number of endpoints; it is data, not code,
 * so that the compilation needs no further round to compile generated sources. The format is
 * described in {@code dev.expiry.runtime.PolicyFile} and in the README: tab-separated fields, one
 * record per line, {@code #} comments. Output is stable: packages and rows sorted, ids numbered in
 * order of first use, no timestamps.
 */
public final class PolicyFileWriter {

  /** Where the file goes in the class output (and so in the jar). */
  public static final String PATH = "META-INF/expiry/policies";

  /** The format version; the runtime refuses a version it does not know. */
  public static final int VERSION = 1;

  private static final String HEADER = """
      # Expiry policies: the answer each endpoint gives when a session, an access token or a CSRF
      # token has expired. Generated at compile time by %s;
      # read by expiry-runtime at start-up. Do not edit.
      # Fields are separated by tabs; \\t, \\n, \\r and \\\\ stand for a tab, a line feed, a carriage return
      # and a backslash inside a field.
      #   response  <id> <status> <problem type> <title> <detail> [<header name> <header value>]...
      #   answers   <id> then, for the session, the access token and the CSRF token, the response a
      #             browser gets and the one an API client gets (- for none)
      #   servlet   <servlet class> <HTTP method, or * for every method without its own> <answers>
      #   handler   <controller or resource class> <handler method> <answers>
      expiry-policies\t%d\t%s
      """;

  private final String generator;
  private final String version;

  /**
   * @param generator the processor's class name, for the header
   * @param version the processor's version, written after the format version so that a runtime
   *     that cannot read the file can say which processor wrote it
   */
  public PolicyFileWriter(String generator, String version) {
    this.generator = generator;
    this.version = version;
  }

  /**
   * The version of {@code expiry-processor} the build wrote into its {@code version.properties},
   * {@code "unknown"} without one.
   */
  public static String processorVersion() {
    try (java.io.InputStream in = PolicyFileWriter.class.getResourceAsStream("/dev/expiry/processor/version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "unknown").strip();
      return v.isEmpty() || v.contains("${") || !v.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? "unknown" : v;
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * The whole file: the sections of {@code existing} (a file already in the output, from an
   * earlier compilation of the same module) for packages not in {@code packages}, and a section
   * per package of {@code packages} that has rows, sorted by package name; with no section at all,
   * the header alone.
   *
   * @param packages the rows of each package this compilation read whole
   * @param existing the text of the file already in the output, or {@code ""}
   */
  public String write(Map<String, List<Row>> packages, String existing) {
    SortedMap<String, String> sections = new TreeMap<>(sectionsOf(existing));
    sections.keySet().removeAll(packages.keySet());
    packages.forEach((pkg, rows) -> {
      if (!rows.isEmpty()) {
        sections.put(pkg, section(pkg, rows));
      }
    });
    // With no section left the file is still written whole: the runtime refuses an empty one.
    StringBuilder out = new StringBuilder(HEADER.formatted(generator, VERSION, version));
    sections.values().forEach(s -> out.append('\n').append(s));
    return out.toString();
  }

  /** The sections of an existing file, by package; none when it is not a file of this version. */
  static Map<String, String> sectionsOf(String existing) {
    Map<String, String> sections = new LinkedHashMap<>();
    if (!existing.lines().anyMatch(l -> l.equals("expiry-policies\t" + VERSION) || l.startsWith("expiry-policies\t" + VERSION + "\t"))) {
      return sections; // no file yet, or one of another version: rewritten from what this compilation has
    }
    String pkg = null;
    StringBuilder section = new StringBuilder();
    for (String line : existing.lines().toList()) {
      if (line.startsWith("package\t")) {
        if (pkg != null) {
          sections.put(pkg, section.toString());
        }
        pkg = line.substring("package\t".length());
        section.setLength(0);
      }
      if (pkg != null) {
        section.append(line).append('\n');
      }
    }
    if (pkg != null) {
      sections.put(pkg, section.toString());
    }
    // Drop the blank line that separates one section from the next.
    sections.replaceAll((k, v) -> v.stripTrailing() + "\n");
    return sections;
  }

  /**
   * The endpoint classes each section of an existing file lists, by package; none when it is not a
   * file of this version.
   */
  public static Map<String, java.util.Set<String>> endpointClassesOf(String existing) {
    Map<String, java.util.Set<String>> classes = new TreeMap<>();
    sectionsOf(existing).forEach((pkg, section) -> {
      java.util.Set<String> listed = new java.util.TreeSet<>();
      for (String line : section.lines().toList()) {
        if (line.startsWith("servlet\t") || line.startsWith("handler\t")) {
          String[] fields = line.split("\t", -1);
          listed.add(fields[1]); // a binary name has no character the format escapes
        }
      }
      classes.put(pkg, listed);
    });
    return classes;
  }

  /** One package's records. */
  String section(String pkg, List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::endpoint).thenComparing(r -> !r.key().equals("*")).thenComparing(Row::key));
    Map<Answer, String> responses = new LinkedHashMap<>();
    Map<List<Answer>, String> combinations = new LinkedHashMap<>();
    for (Row row : sorted) {
      for (Answer a : row.answers()) {
        if (a != null) {
          responses.putIfAbsent(a, "r" + responses.size());
        }
      }
      combinations.putIfAbsent(trimmed(row.answers()), "a" + combinations.size());
    }
    StringBuilder out = new StringBuilder();
    record("package", List.of(pkg), out);
    responses.forEach((answer, id) -> {
      List<String> fields = new ArrayList<>(List.of(id, Integer.toString(answer.status()), answer.type(),
          answer.title(), answer.detail()));
      fields.addAll(answer.headers());
      record("response", fields, out);
    });
    combinations.forEach((combination, id) -> {
      out.append("# ").append(describe(combination)).append('\n');
      List<String> fields = new ArrayList<>(List.of(id));
      combination.forEach(a -> fields.add(a == null ? "-" : responses.get(a)));
      record("answers", fields, out);
    });
    for (Row row : sorted) {
      // A comment is not escaped: a line break in it (a route's path may hold one) must not end the line.
      out.append("# ").append(row.comment().replace('\r', ' ').replace('\n', ' ')).append('\n');
      record(row.servlet() ? "servlet" : "handler", List.of(row.endpoint(), row.key(),
          combinations.get(trimmed(row.answers()))), out);
    }
    return out.toString();
  }

  private static void record(String kind, List<String> fields, StringBuilder out) {
    out.append(kind);
    for (String field : fields) {
      out.append('\t');
      escape(field, out);
    }
    out.append('\n');
  }

  static void escape(String field, StringBuilder out) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      switch (c) {
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\\' -> out.append("\\\\");
        default -> out.append(c);
      }
    }
  }

  /** {@code session: browser 303, API 401; CSRF token: browser 403, API 403}. */
  private static String describe(List<Answer> combination) {
    List<String> says = new ArrayList<>();
    for (Expired on : Expired.values()) {
      List<String> kinds = new ArrayList<>();
      for (Client kind : Client.KINDS) {
        int slot = Row.slot(on, kind);
        Answer a = slot < combination.size() ? combination.get(slot) : null;
        if (a != null) {
          kinds.add((kind == Client.API ? "API" : "browser") + " " + a.status());
        }
      }
      if (!kinds.isEmpty()) {
        says.add(on.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("csrf", "CSRF") + ": "
            + String.join(", ", kinds));
      }
    }
    return String.join("; ", says);
  }

  /** The answers without trailing nulls, as the file lists them. */
  private static List<Answer> trimmed(List<Answer> answers) {
    int end = answers.size();
    while (end > 0 && answers.get(end - 1) == null) {
      end--;
    }
    return answers.subList(0, end);
  }
}
