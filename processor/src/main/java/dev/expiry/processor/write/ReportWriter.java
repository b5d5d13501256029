package dev.expiry.processor.write;

import dev.expiry.processor.model.Answering;
import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Endpoint.Operation;
import dev.expiry.processor.model.Exemption;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Level;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.ServletEndpoint;
import dev.expiry.processor.read.MethodKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Writes the policy report, {@value #PATH}: every endpoint of the compilation with its routes and,
 * for each operation, what answers each expiry for each kind of client and where that is declared,
 * and the exemptions with their reasons. Its format is described in {@code docs/report-format.md};
 * one JSON document with one package per line, so that an incremental build replaces the lines of
 * the packages it read and keeps the others, as the policy file keeps its sections.
 */
public final class ReportWriter {

  /** Where the report goes in the class output (and so in the jar). */
  public static final String PATH = "META-INF/expiry/report.json";

  /** The format version. */
  public static final int VERSION = 1;

  private static final String PACKAGE_LINE = "{\"package\":";
  private static final String EXPIRY_POLICY = "dev.expiry.ExpiryPolicy";
  private static final String EXPIRY_POLICIES = "dev.expiry.ExpiryPolicies";
  private static final String NO_EXPIRY_POLICY = "dev.expiry.NoExpiryPolicy";

  private final String generator;
  private final Elements elements;
  private final MethodKeys keys;

  public ReportWriter(String generator, Elements elements, MethodKeys keys) {
    this.generator = generator;
    this.elements = elements;
    this.keys = keys;
  }

  /**
   * The report's entry for one endpoint: its operations, and each distinct response they send
   * once, which their answers name by index.
   */
  public Map<String, Object> endpoint(Endpoint endpoint) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("class", endpoint.binaryName());
    entry.put("framework", endpoint.frameworkId());
    Map<Answer, Integer> responses = new LinkedHashMap<>();
    List<Object> ops = new ArrayList<>();
    List<Operation> operations = new ArrayList<>(endpoint.operations());
    if (endpoint instanceof ServletEndpoint servlet) {
      for (Operation op : operations) {
        ops.add(operation(op, servletMethods(servlet, op), responses));
      }
    } else {
      operations.sort(Comparator.comparing(Operation::key));
      for (Operation op : operations) {
        ops.add(operation(op, null, responses));
      }
    }
    List<Object> table = new ArrayList<>();
    responses.keySet().forEach(a -> table.add(response(a)));
    entry.put("responses", table);
    entry.put("operations", ops);
    return entry;
  }

  /**
   * The HTTP methods a servlet's operation stands for: its own, or for {@code *} those the servlet
   * serves without anything of its own ({@code *} itself when it serves none).
   */
  private static List<String> servletMethods(ServletEndpoint servlet, Operation op) {
    if (!op.key().equals("*")) {
      return List.of(op.key());
    }
    List<String> methods = new ArrayList<>();
    for (HttpMethod m : servlet.served().keySet()) {
      if (!servlet.methodLevels().containsKey(m)) {
        methods.add(m.name());
      }
    }
    return methods.isEmpty() ? List.of("*") : methods;
  }

  private Map<String, Object> operation(Operation op, List<String> servletMethods, Map<Answer, Integer> responses) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("key", op.key());
    List<Object> routes = new ArrayList<>();
    if (servletMethods == null) {
      op.routes().forEach(t -> routes.add(route(t.method(), t.path())));
    } else {
      entry.put("methods", servletMethods);
      for (Operation.Target t : op.routes()) {
        servletMethods.forEach(m -> routes.add(route(m, t.path())));
      }
    }
    entry.put("routes", routes);
    entry.put("covered", op.covered());
    op.levels().stream().map(Level::exemption).flatMap(Optional::stream).findFirst()
        .ifPresent(e -> entry.put("exemption", exemption(e)));
    List<Object> answers = new ArrayList<>();
    for (Expired on : Expired.values()) {
      for (Client kind : Client.KINDS) {
        Map<String, Object> a = answer(on, kind, op.answering(on, kind), responses);
        if (a != null) {
          answers.add(a);
        }
      }
    }
    entry.put("answers", answers);
    return entry;
  }

  private static Map<String, Object> route(String method, String path) {
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("method", method);
    route.put("path", path);
    return route;
  }

  private Map<String, Object> exemption(Exemption e) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reason", e.reason());
    entry.put("declaredOn", describe(e.useElement()));
    via(e.useMirror(), NO_EXPIRY_POLICY).ifPresent(v -> entry.put("via", v));
    return entry;
  }

  /** One answered slot; one an exemption stops; {@code null} for one nothing answers. */
  private Map<String, Object> answer(Expired on, Client kind, Answering answering, Map<Answer, Integer> responses) {
    Policy policy = answering.policy();
    if (policy == null && answering.exemption() == null) {
      return null;
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("on", on.name());
    entry.put("client", kind.name());
    if (policy == null) {
      entry.put("passes", "exempt");
      return entry;
    }
    Answer answer = Answer.of(policy);
    Integer index = responses.get(answer);
    if (index == null) {
      index = responses.size();
      responses.put(answer, index);
    }
    entry.put("response", index);
    entry.put("body", policy.isRedirect() ? "none" : kind == Client.BROWSER ? "text/html" : "application/problem+json");
    entry.put("declaredOn", describe(policy.useElement()));
    via(policy.useMirror(), EXPIRY_POLICY).ifPresent(v -> entry.put("via", v));
    return entry;
  }

  /** A response: status, headers, and the problem of its body (none for a redirect). */
  private static Map<String, Object> response(Answer answer) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("status", answer.status());
    List<Object> headers = new ArrayList<>();
    List<String> flat = answer.headers();
    for (int i = 0; i < flat.size(); i += 2) {
      headers.add(List.of(flat.get(i), flat.get(i + 1)));
    }
    entry.put("headers", headers);
    if (answer.status() < 300 || answer.status() > 399) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", answer.type());
      problem.put("title", answer.title());
      problem.put("detail", answer.detail());
      entry.put("problem", problem);
    }
    return entry;
  }

  /** The composed annotation written there, {@code @com.acme.ShopSessionPolicy}, if it is one. */
  private static Optional<String> via(AnnotationMirror written, String own) {
    String name = ((TypeElement) written.getAnnotationType().asElement()).getQualifiedName().toString();
    return name.equals(own) || name.equals(EXPIRY_POLICIES) ? Optional.empty() : Optional.of("@" + name);
  }

  /** {@code method item(java.lang.String) of com.acme.Orders}, {@code class com.acme.Orders}, {@code package com.acme}. */
  private String describe(Element element) {
    if (element instanceof PackageElement p) {
      return "package " + p.getQualifiedName();
    }
    if (element instanceof TypeElement t) {
      return (t.getKind() == ElementKind.INTERFACE ? "interface " : "class ") + elements.getBinaryName(t);
    }
    if (element instanceof ExecutableElement m && m.getEnclosingElement() instanceof TypeElement owner) {
      return "method " + keys.of(m) + " of " + elements.getBinaryName(owner);
    }
    return element.toString();
  }

  /** The report's entry for one package. */
  public Map<String, Object> packageEntry(String pkg, Optional<Exemption> exemption, List<Map<String, Object>> endpoints) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("package", pkg);
    exemption.ifPresent(e -> entry.put("exemption", Map.of("reason", e.reason())));
    List<Map<String, Object>> sorted = new ArrayList<>(endpoints);
    sorted.sort(Comparator.comparing(e -> (String) e.get("class")));
    entry.put("endpoints", sorted);
    return entry;
  }

  /**
   * The whole report: the lines of {@code existing} (a report already in the output) for packages
   * not in {@code packages}, and a line for each package of {@code packages} that has endpoints,
   * sorted by package name.
   *
   * @param packages the entry of each package this compilation read whole; {@code null} for one
   *     that has no endpoint left
   */
  public String write(Map<String, Map<String, Object>> packages, String existing) {
    SortedMap<String, String> lines = new TreeMap<>(linesOf(existing));
    lines.keySet().removeAll(packages.keySet());
    packages.forEach((pkg, entry) -> {
      if (entry != null) {
        lines.put(pkg, Json.write(entry));
      }
    });
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("format", "expiry-report");
    head.put("version", VERSION);
    head.put("generator", generator);
    String start = Json.write(head);
    StringBuilder out = new StringBuilder(start.substring(0, start.length() - 1)).append(",\"packages\":[\n");
    int i = 0;
    for (String line : lines.values()) {
      out.append(line).append(++i < lines.size() ? ",\n" : "\n");
    }
    return out.append("]}\n").toString();
  }

  /** The package lines of an existing report, by package; none when it is not a report of this version. */
  static Map<String, String> linesOf(String existing) {
    Map<String, String> lines = new TreeMap<>();
    if (!existing.startsWith("{\"format\":\"expiry-report\",\"version\":" + VERSION + ",")) {
      return lines;
    }
    for (String line : existing.lines().toList()) {
      if (line.startsWith(PACKAGE_LINE)) {
        String json = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
        try {
          Object entry = Json.parse(json);
          if (entry instanceof Map<?, ?> m && m.get("package") instanceof String pkg) {
            lines.put(pkg, json);
          }
        } catch (IllegalArgumentException e) {
          // a line this version did not write: rewritten from what this compilation has
        }
      }
    }
    return lines;
  }

  /** The endpoint classes each package line of an existing report lists, by package. */
  public static Map<String, Set<String>> endpointClassesOf(String existing) {
    Map<String, Set<String>> classes = new TreeMap<>();
    linesOf(existing).forEach((pkg, line) -> {
      Set<String> listed = new TreeSet<>();
      if (Json.parse(line) instanceof Map<?, ?> m && m.get("endpoints") instanceof List<?> endpoints) {
        for (Object e : endpoints) {
          if (e instanceof Map<?, ?> endpoint && endpoint.get("class") instanceof String c) {
            listed.add(c);
          }
        }
      }
      classes.put(pkg, listed);
    });
    return classes;
  }
}
