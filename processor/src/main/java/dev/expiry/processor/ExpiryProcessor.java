package dev.expiry.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Reporter;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Rulebook;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.read.EndpointReader;
import dev.expiry.processor.read.Names;
import dev.expiry.processor.read.PolicyReader;
import dev.expiry.processor.write.HandlerWriter;
import dev.expiry.processor.write.ServicesWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Checks every {@code @ExpiryPolicy} against the rulebook and generates a handler per endpoint,
 * plus the {@link java.util.ServiceLoader} index the runtime finds them by.
 *
 * <p>This class only runs rounds: the {@code read} package turns elements into a model, the rules
 * in {@code check} and {@code rules} judge it, and the {@code write} package emits code. Elements
 * that depend on types not generated yet are deferred to a later round.
 */
@AutoService(Processor.class)
public final class ExpiryProcessor extends AbstractProcessor {

  private final List<Rule> rules;
  private PolicyReader policies;
  private EndpointReader endpoints;
  private HandlerWriter handlers;
  private ServicesWriter services;
  private Reporter reporter;

  /** Names of elements whose types were not resolvable yet, retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Handlers written so far, with the servlet each serves, for the index. */
  private final Map<ClassName, TypeElement> written = new TreeMap<>(
      (a, b) -> a.reflectionName().compareTo(b.reflectionName()));

  /** Creates the processor with the whole {@link Rulebook}; javac finds it through AutoService. */
  public ExpiryProcessor() {
    this(Rulebook.rules());
  }

  ExpiryProcessor(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    policies = new PolicyReader(env.getElementUtils());
    endpoints = new EndpointReader(env.getElementUtils(), env.getTypeUtils());
    handlers = new HandlerWriter(env.getElementUtils(), getClass().getName());
    services = new ServicesWriter(env.getFiler());
    reporter = new Reporter(env, rules);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.EXPIRY_POLICY, Names.EXPIRY_POLICIES);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Reporter.supportedOptions(rules);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    reporter.reportOptionProblems();
    Set<Element> elements = new LinkedHashSet<>(retryDeferred());
    for (String annotation : List.of(Names.EXPIRY_POLICY, Names.EXPIRY_POLICIES)) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
      if (type != null) {
        elements.addAll(round.getElementsAnnotatedWith(type));
      }
    }
    // Group by servlet class, in a stable order, so each class yields one handler.
    Map<String, List<Element>> byType = new TreeMap<>();
    for (Element element : elements) {
      if (round.processingOver() || !endpoints.isUnresolved(element)) {
        byType.computeIfAbsent(ownerName(element), k -> new ArrayList<>()).add(element);
      } else {
        deferred.add(key(element));
      }
    }
    byType.values().forEach(this::processType);
    if (round.processingOver()) {
      writeIndex();
    }
    return true; // @ExpiryPolicy and its container are this processor's alone

  }

  private void processType(List<Element> annotated) {
    List<Declaration> declarations = new ArrayList<>();
    boolean failed = false;
    for (Element element : annotated) {
      try {
        if (endpoints.isUnresolved(element)) {
          continue; // last round and still unresolved: javac reports the missing type
        }
        List<Policy> outer = element instanceof TypeElement ? List.of() : policies.read(element.getEnclosingElement());
        Declaration declaration = new Declaration(element, policies.read(element), outer, endpoints.placementOf(element));
        Findings findings = new Findings();
        for (Rule rule : rules) {
          rule.check(declaration, findings);
        }
        failed |= reporter.report(element, findings.all());
        declarations.add(declaration);
      } catch (RuntimeException | LinkageError | AssertionError e) {
        reporter.internalError(element, e);
        failed = true;
      }
    }
    // NotAnEndpoint reported these, or was told not to; either way they take no part in the handler.
    declarations.removeIf(d -> d.placement() instanceof Placement.Unreachable);
    if (failed || declarations.isEmpty()) {
      return;
    }
    Element first = declarations.get(0).element();
    try {
      TypeElement servlet = first instanceof TypeElement t ? t : (TypeElement) first.getEnclosingElement();
      Endpoint endpoint = endpoints.endpointOf(servlet, declarations);
      ClassName name = handlers.handlerName(endpoint);
      if (written.containsKey(name)) {
        return;
      }
      handlers.write(endpoint).writeTo(processingEnv.getFiler());
      written.put(name, servlet);
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "The Expiry processor could not write the handler for this servlet: " + e, first);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.internalError(first, e);
    }
  }

  private void writeIndex() {
    if (written.isEmpty()) {
      return;
    }
    try {
      services.write(written.keySet(), written.values().toArray(new Element[0]));
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "The Expiry processor could not write " + ServicesWriter.PATH + ": " + e);
    }
  }

  /** Re-finds the elements deferred by an earlier round. */
  private List<Element> retryDeferred() {
    List<Element> found = new ArrayList<>();
    for (String key : deferred) {
      Element element = find(key);
      if (element != null) {
        found.add(element);
      }
    }
    deferred.clear();
    return found;
  }

  /** A name that finds the element again in a later round: the type, and the method if any. */
  private String key(Element element) {
    if (element instanceof TypeElement type) {
      return type.getQualifiedName().toString();
    }
    return ownerName(element) + "#" + element.getSimpleName() + "#" + element.asType();
  }

  private Element find(String key) {
    String[] parts = key.split("#", 3);
    TypeElement type = processingEnv.getElementUtils().getTypeElement(parts[0]);
    if (type == null || parts.length == 1) {
      return type;
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member instanceof ExecutableElement
          && member.getSimpleName().contentEquals(parts[1]) && member.asType().toString().equals(parts[2])) {
        return member;
      }
    }
    return null;
  }

  private static String ownerName(Element element) {
    Element type = element instanceof TypeElement ? element : element.getEnclosingElement();
    return type instanceof TypeElement t ? t.getQualifiedName().toString() : String.valueOf(type);
  }
}
