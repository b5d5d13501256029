package dev.expiry.spring.boot.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy reports of an application, merged: every {@code META-INF/expiry/report.json} its
 * class loader finds (one per jar or class directory the processor ran on, format 1 as {@code
 * docs/report-format.md} specifies it), read once on first use and kept.
 *
 * <p>A report of another {@code version}, or one that does not parse, is skipped with one warning
 * that names its URL; reading never throws. Packages are merged by name and sorted; a package in
 * two reports has the endpoints of both, sorted by class; a class in two reports (the same class on
 * the class path twice) is taken from the first, as the class loader would load it.
 */
public final class ExpiryReports {

  /** Where each compilation's report is. */
  public static final String LOCATION = "META-INF/expiry/report.json";

  /** The value of {@code format} in every report. */
  public static final String FORMAT = "expiry-report";

  /** The only {@code version} this reader knows. */
  public static final int VERSION = 1;

  private static final System.Logger LOG = System.getLogger(ExpiryReports.class.getName());

  private final ClassLoader loader;
  private volatile Merged merged;

  /** The reports {@code loader} finds; nothing is read before the first call that needs them. */
  public ExpiryReports(ClassLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /**
   * The merged report: {@code format}, {@code version}, {@code sources} (the jar or directory of
   * each report that was read, as {@link #sourceName} names it) and {@code packages}, as read, with
   * the members this reader does not know.
   */
  public Map<String, Object> report() {
    return merged().document;
  }

  /**
   * The operation {@code key} (a handler method's key, {@code item(java.lang.String)}, or a
   * servlet's HTTP method) of the endpoint class {@code className} (a binary name), as the report
   * lists it.
   */
  public Optional<Map<String, Object>> operation(String className, String key) {
    Map<String, Map<String, Object>> operations = merged().operations.get(className);
    return operations == null ? Optional.empty() : Optional.ofNullable(operations.get(key));
  }

  /**
   * The answers of that operation as the report lists them (the slots that answer, and those an
   * exemption stops), each with the {@code status}, {@code headers} and {@code problem} of the
   * response it names filled in from its endpoint's {@code responses}; empty when there is none.
   */
  public List<Map<String, Object>> answers(String className, String key) {
    Map<String, List<Map<String, Object>>> byKey = merged().answers.get(className);
    List<Map<String, Object>> answers = byKey == null ? null : byKey.get(key);
    return answers == null ? List.of() : answers;
  }

  /** The warnings reading logged: one for each report that was skipped. */
  public List<String> warnings() {
    return merged().warnings;
  }

  private Merged merged() {
    Merged m = merged;
    if (m == null) {
      synchronized (this) {
        m = merged;
        if (m == null) {
          m = read(loader);
          merged = m;
        }
      }
    }
    return m;
  }

  private static Merged read(ClassLoader loader) {
    List<String> warnings = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    Map<String, Map<String, Object>> packages = new TreeMap<>();
    Map<String, Map<String, Map<String, Object>>> endpoints = new HashMap<>();
    List<URL> urls;
    try {
      urls = Collections.list(loader.getResources(LOCATION));
    } catch (IOException e) {
      warn(warnings, "Expiry cannot list the policy reports " + LOCATION + ": " + e);
      urls = List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    for (URL url : urls) {
      if (!seen.add(url.toString())) {
        continue;
      }
      List<Map<String, Object>> read;
      try {
        read = packagesOf(url);
      } catch (NotAReport e) {
        warn(warnings, "Expiry skips the policy report " + url + ": " + e.getMessage());
        continue;
      }
      sources.add(sourceName(url));
      for (Map<String, Object> pkg : read) {
        String name = (String) pkg.get("package");
        Map<String, Object> merged = packages.get(name);
        if (merged == null) {
          merged = new LinkedHashMap<>(pkg);
          packages.put(name, merged);
          endpoints.put(name, new TreeMap<>());
        } else if (merged.get("exemption") == null && pkg.get("exemption") != null) {
          merged.put("exemption", pkg.get("exemption"));
        }
        for (Object endpoint : (List<?>) pkg.get("endpoints")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> e = (Map<String, Object>) endpoint;
          endpoints.get(name).putIfAbsent((String) e.get("class"), e);
        }
      }
    }

    Map<String, Map<String, Map<String, Object>>> operations = new HashMap<>();
    Map<String, Map<String, List<Map<String, Object>>>> answers = new HashMap<>();
    List<Object> packageList = new ArrayList<>();
    packages.forEach((name, pkg) -> {
      List<Object> list = new ArrayList<>(endpoints.get(name).values());
      pkg.put("endpoints", Collections.unmodifiableList(list));
      packageList.add(Collections.unmodifiableMap(pkg));
      endpoints.get(name).forEach((className, endpoint) -> {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        Map<String, List<Map<String, Object>>> answersByKey = new HashMap<>();
        List<?> responses = endpoint.get("responses") instanceof List<?> r ? r : List.of();
        if (endpoint.get("operations") instanceof List<?> ops) {
          for (Object op : ops) {
            if (op instanceof Map<?, ?> o && o.get("key") instanceof String key) {
              @SuppressWarnings("unchecked")
              Map<String, Object> operation = (Map<String, Object>) o;
              byKey.put(key, operation);
              answersByKey.put(key, resolved(operation, responses));
            }
          }
        }
        operations.put(className, byKey);
        answers.put(className, answersByKey);
      });
    });

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("version", VERSION);
    document.put("sources", List.copyOf(sources));
    document.put("packages", Collections.unmodifiableList(packageList));
    return new Merged(Collections.unmodifiableMap(document), operations, answers, List.copyOf(warnings));
  }

  /** An operation's answers, each with the members of the response it names. */
  private static List<Map<String, Object>> resolved(Map<String, Object> operation, List<?> responses) {
    List<Map<String, Object>> resolved = new ArrayList<>();
    if (operation.get("answers") instanceof List<?> list) {
      for (Object a : list) {
        if (a instanceof Map<?, ?> answer) {
          Map<String, Object> copy = new LinkedHashMap<>();
          answer.forEach((k, v) -> copy.put(String.valueOf(k), v));
          if (answer.get("response") instanceof Number n && n.intValue() >= 0 && n.intValue() < responses.size()
              && responses.get(n.intValue()) instanceof Map<?, ?> response) {
            response.forEach((k, v) -> copy.putIfAbsent(String.valueOf(k), v));
          }
          resolved.add(Collections.unmodifiableMap(copy));
        }
      }
    }
    return List.copyOf(resolved);
  }

  private static void warn(List<String> warnings, String warning) {
    warnings.add(warning);
    LOG.log(Level.WARNING, warning);
  }

  /** The packages of the report at {@code url}, checked as far as merging needs. */
  private static List<Map<String, Object>> packagesOf(URL url) throws NotAReport {
    Object root;
    try (InputStream in = url.openStream()) {
      root = Json.MAPPER.readValue(in, Object.class);
    } catch (JacksonException e) {
      throw new NotAReport("it is not JSON (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (IOException e) {
      throw new NotAReport("it cannot be read (" + e + ")");
    }
    if (!(root instanceof Map<?, ?> report) || !FORMAT.equals(report.get("format"))) {
      throw new NotAReport("it is not an " + FORMAT + " (no \"format\":\"" + FORMAT + "\")");
    }
    if (!(report.get("version") instanceof Integer version) || version != VERSION) {
      throw new NotAReport("its version is " + report.get("version") + "; this reader knows version " + VERSION);
    }
    if (!(report.get("packages") instanceof List<?> packages)) {
      throw new NotAReport("it has no \"packages\" list");
    }
    List<Map<String, Object>> checked = new ArrayList<>();
    for (Object p : packages) {
      if (!(p instanceof Map<?, ?> pkg) || !(pkg.get("package") instanceof String)
          || !(pkg.get("endpoints") instanceof List<?> list)
          || !list.stream().allMatch(e -> e instanceof Map<?, ?> m && m.get("class") instanceof String)) {
        throw new NotAReport("a package in it has no name, or an endpoint no class");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) pkg;
      checked.add(typed);
    }
    return checked;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /**
   * What the report at {@code url} is called in {@code sources}, without the machine's paths: the
   * file name of the jar it is in ({@code shop-1.0.jar}; in a Spring Boot jar, {@code
   * app.jar!/BOOT-INF/classes} for the application's own classes, the nested jar's name for a
   * library), or for a class directory its path relative to the working directory when it is below
   * it ({@code target/classes}), else its last two names.
   */
  static String sourceName(URL url) {
    return sourceName(url.toString());
  }

  static String sourceName(String url) {
    String text = url;
    if (text.endsWith(LOCATION)) {
      text = text.substring(0, text.length() - LOCATION.length());
    }
    // jar:file:/x/shop.jar!/  jar:nested:/x/app.jar/!BOOT-INF/classes/!/  file:/x/target/classes/
    List<String> parts = new ArrayList<>();
    for (String part : text.split("!")) {
      if (!trimSlashes(part).isEmpty()) {
        parts.add(trimSlashes(part));
      }
    }
    if (parts.isEmpty()) {
      return text;
    }
    String last = parts.get(parts.size() - 1);
    if (last.endsWith(".jar")) {
      return fileName(last);
    }
    if (parts.size() > 1) {
      return fileName(parts.get(parts.size() - 2)) + "!/" + last;
    }
    try {
      Path dir = Paths.get(new URI(text)).normalize();
      Path work = Paths.get("").toAbsolutePath().normalize();
      if (dir.startsWith(work) && !dir.equals(work)) {
        return work.relativize(dir).toString().replace('\\', '/');
      }
      int names = dir.getNameCount();
      return dir.subpath(Math.max(0, names - 2), names).toString().replace('\\', '/');
    } catch (URISyntaxException | RuntimeException e) {
      return fileName(last);
    }
  }

  private static String fileName(String path) {
    String trimmed = trimSlashes(path);
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  private record Merged(Map<String, Object> document, Map<String, Map<String, Map<String, Object>>> operations,
      Map<String, Map<String, List<Map<String, Object>>>> answers,
      List<String> warnings) {}

  private static final class NotAReport extends Exception {
    private static final long serialVersionUID = 1L;

    NotAReport(String message) {
      super(message, null, false, false);
    }
  }

  /** Jackson 3, as Spring Boot 4 brings it; loaded with the first report. */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }
}
