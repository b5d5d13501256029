package dev.expiry.processor.check;

import dev.expiry.processor.rules.UnknownRuleOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Turns findings into diagnostics: applies each rule's severity, the {@code -Aexpiry.<RuleId>}
 * options and {@code @SuppressWarnings("expiry:<RuleId>")}, formats {@code [RuleId] message See
 * docs/rules/RuleId.md}, and attaches it to the annotation value at fault.
 */
public final class Reporter {

  /** The prefix of every processor option: {@code -Aexpiry.MissingLocation=warning}. */
  public static final String OPTION_PREFIX = "expiry.";

  /** The {@code @SuppressWarnings} value that silences every suppressible rule. */
  public static final String SUPPRESS_ALL = "expiry";

  private static final String SUPPRESS_PREFIX = "expiry:";

  private final Messager messager;
  private final Locator locator;
  private final List<Rule> rules;
  private final Rule unknownOption;
  private final Map<String, Severity> overrides = new HashMap<>();
  private final List<OptionProblem> optionProblems = new ArrayList<>();
  private final Set<Element> suppressionsChecked = new HashSet<>();

  /** Options of the processor's own that name no rule ({@code reportDir}), without the prefix. */
  private final Set<String> otherOptions;

  /**
   * @param otherOptions the processor's options that are not rules, without {@link #OPTION_PREFIX}
   *     ({@code reportDir}): not reported as naming no rule
   */
  public Reporter(ProcessingEnvironment env, List<Rule> rules, Set<String> otherOptions) {
    this.otherOptions = Set.copyOf(otherOptions);
    this.messager = env.getMessager();
    this.locator = Locator.of(env);
    Map<String, String> options = env.getOptions();
    this.rules = List.copyOf(rules);
    this.unknownOption = rules.stream().filter(r -> r instanceof UnknownRuleOption).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the rulebook has no UnknownRuleOption"));
    new TreeMap<>(options).forEach(this::readOption);
  }

  /** The options a processor declares: one per rule, and its others. */
  public static Set<String> supportedOptions(List<Rule> rules, Set<String> otherOptions) {
    Set<String> options = rules.stream().map(r -> OPTION_PREFIX + r.id()).collect(Collectors.toCollection(HashSet::new));
    otherOptions.forEach(o -> options.add(OPTION_PREFIX + o));
    return Set.copyOf(options);
  }

  private void readOption(String key, String value) {
    if (!key.startsWith(OPTION_PREFIX)) {
      return;
    }
    String id = key.substring(OPTION_PREFIX.length());
    if (otherOptions.contains(id)) {
      return;
    }
    Optional<Rule> rule = rules.stream().filter(r -> r.id().equals(id)).findFirst();
    Optional<Severity> severity = Severity.parse(value);
    String option = "-A" + key + (value == null ? "" : "=" + value);
    if (rule.isEmpty()) {
      optionProblems.add(new OptionProblem(unknownOption, option + " names no rule" + didYouMean(id)
          + ". Valid names: " + ids() + "."));
    } else if (severity.isEmpty()) {
      optionProblems.add(new OptionProblem(unknownOption, option + (value == null ? " gives no severity."
          : " is not a severity.") + " Valid values: error, warning, off (in any case), as in -A" + key
          + "=warning."));
    } else if (!rule.get().suppressible() && severity.get() != Severity.ERROR) {
      optionProblems.add(new OptionProblem(rule.get(), option + " is not allowed: "
          + unsuppressibleReason(rule.get())));
    } else {
      overrides.put(id, severity.get());
    }
  }

  /**
   * Reports the problems found in the options, each at its rule's severity (so that
   * {@code -Aexpiry.UnknownRuleOption=warning} applies whatever order the options come in); call
   * once, when processing starts.
   */
  public void reportOptionProblems() {
    for (OptionProblem p : optionProblems) {
      Severity severity = severityOf(p.rule());
      if (severity != Severity.OFF) {
        messager.printMessage(kind(severity), problem(p.rule(), p.message()));
      }
    }
    optionProblems.clear();
  }

  /** A problem with an option, to report once every option is read. */
  private record OptionProblem(Rule rule, String message) {}

  /**
   * Reports what the rules found on one annotated element, each finding at its severity unless an
   * option or {@code @SuppressWarnings} silences it; an unsuppressible finding is always an error. Also reports {@code @SuppressWarnings} on the
   * element or around it that try to silence what cannot be silenced, or name no rule.
   *
   * @return whether any of them was reported as an error
   */
  public boolean report(Element element, List<Finding> findings) {
    checkSuppressions(element);
    boolean error = false;
    for (Finding f : findings) {
      Severity severity = f.suppressible() ? severityOf(f.rule()) : Severity.ERROR;
      if (severity == Severity.OFF || (f.suppressible() && isSuppressed(f.rule(), f.element()))) {
        continue;
      }
      Diagnostic.Kind kind = kind(severity);
      error |= kind == Diagnostic.Kind.ERROR;
      String message = problem(f.rule(), f.message());
      Optional<Locator.Position> repeated = f.mirror() == null || f.element().getAnnotationMirrors().contains(f.mirror())
          ? Optional.empty() : locator.locate(f.element(), f.mirror(), f.value());
      if (repeated.isPresent()) {
        locator.print(kind, message, repeated.get());
      } else if (f.mirror() == null) {
        messager.printMessage(kind, message, f.element());
      } else if (f.value() == null) {
        messager.printMessage(kind, message, f.element(), f.mirror());
      } else {
        messager.printMessage(kind, message, f.element(), f.mirror(), f.value());
      }
    }
    return error;
  }

  /** Reports an unexpected failure of the processor itself on an element, once. */
  public void internalError(Element element, Throwable failure) {
    StringBuilder trace = new StringBuilder(failure.toString());
    StackTraceElement[] frames = failure.getStackTrace();
    int shown = 0;
    for (StackTraceElement frame : frames) {
      trace.append("\n\tat ").append(frame);
      if (++shown == 20 || frame.getClassName().startsWith("com.sun.tools.javac.")) {
        break; // what javac does above the processor is the same every time
      }
    }
    messager.printMessage(Diagnostic.Kind.ERROR, "The Expiry processor failed on this element; this is"
        + " a bug in Expiry, please report it with this trace: " + trace, element);
  }

  /** Whether anything the rule finds can be reported in this compilation: it is not turned off. */
  public boolean isOn(Rule rule) {
    return !rule.suppressible() || severityOf(rule) != Severity.OFF;
  }

  private Severity severityOf(Rule rule) {
    return overrides.getOrDefault(rule.id(), rule.defaultSeverity());
  }

  /** Whether the element or one enclosing it suppresses the rule. */
  private boolean isSuppressed(Rule rule, Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      for (String token : suppressions(e).keySet()) {
        if (token.equals(SUPPRESS_ALL) || token.equals(SUPPRESS_PREFIX + rule.id())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Reports, once per element, {@code @SuppressWarnings} values that try to silence a rule that
   * cannot be silenced or that name no rule.
   */
  private void checkSuppressions(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (!suppressionsChecked.add(e)) {
        continue;
      }
      for (Map.Entry<String, Suppression> entry : suppressions(e).entrySet()) {
        checkSuppression(e, entry.getKey(), entry.getValue());
      }
    }
  }

  private void checkSuppression(Element e, String token, Suppression where) {
    if (!token.startsWith(SUPPRESS_PREFIX)) {
      return;
    }
    String id = token.substring(SUPPRESS_PREFIX.length());
    Optional<Rule> rule = rules.stream().filter(r -> r.id().equals(id)).findFirst();
    if (rule.isEmpty()) {
      Severity severity = severityOf(unknownOption);
      if (severity != Severity.OFF && !isSuppressed(unknownOption, e)) {
        messager.printMessage(kind(severity), problem(unknownOption, "@SuppressWarnings(\"" + token
            + "\") names no rule" + didYouMean(id) + ". Valid names: " + ids() + "."),
            e, where.mirror(), where.value());
      }
    } else if (!rule.get().suppressible()) {
      messager.printMessage(Diagnostic.Kind.ERROR, problem(rule.get(), "@SuppressWarnings(\"" + token
          + "\") is not allowed: " + unsuppressibleReason(rule.get())), e, where.mirror(), where.value());
    }
  }

  private record Suppression(AnnotationMirror mirror, AnnotationValue value) {}

  /** The {@code @SuppressWarnings} values on an element, with where each is written. */
  private static Map<String, Suppression> suppressions(Element element) {
    Map<String, Suppression> tokens = new TreeMap<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Element type = mirror.getAnnotationType().asElement();
      if (!(type instanceof TypeElement t) || !t.getQualifiedName().contentEquals("java.lang.SuppressWarnings")) {
        continue;
      }
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
        if (e.getValue().getValue() instanceof List<?> values) {
          for (Object v : values) {
            if (v instanceof AnnotationValue av && av.getValue() instanceof String s) {
              tokens.put(s, new Suppression(mirror, av));
            }
          }
        }
      }
    }
    return tokens;
  }

  private static Diagnostic.Kind kind(Severity severity) {
    return severity == Severity.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
  }

  private static String problem(Rule rule, String message) {
    return "[" + rule.id() + "] " + message + " See " + rule.docPath();
  }

  private static String unsuppressibleReason(Rule rule) {
    return rule.id() + " cannot be turned off or suppressed, because it keeps the responses Expiry sends"
        + " well-formed and safe. Fix the policy instead.";
  }

  private String ids() {
    return rules.stream().map(Rule::id).sorted().collect(Collectors.joining(", "));
  }

  private String didYouMean(String id) {
    return rules.stream()
        .filter(r -> r.id().toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT)))
        .findFirst().map(r -> " (did you mean " + r.id() + "? names are case-sensitive)").orElse("");
  }
}
