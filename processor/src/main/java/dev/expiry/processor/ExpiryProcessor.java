package dev.expiry.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.sun.source.util.Trees;
import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Reporter;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Rulebook;
import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Framework;
import dev.expiry.processor.model.FrameworkEndpoint;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.read.EndpointReader;
import dev.expiry.processor.read.Names;
import dev.expiry.processor.read.PolicyReader;
import dev.expiry.processor.write.HandlerWriter;
import dev.expiry.processor.write.ServicesWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks every {@code @ExpiryPolicy} against the rulebook and generates a handler per endpoint,
 * plus the {@link java.util.ServiceLoader} index the runtime finds them by.
 *
 * <p>Endpoints are servlets, Spring MVC controllers and JAX-RS resources; policies come from the
 * element, its class, its package, or composed annotations. This class only runs rounds: the
 * {@code read} package turns elements into a model, the rules
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

  /** Names of types that were not resolvable yet, retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Types already processed, so that a type handed again (a deferred one) is not read twice. */
  private final Set<String> processed = new java.util.HashSet<>();
  /** Every controller and resource read so far, for the route rules and the handlers. */
  private final List<FrameworkEndpoint> frameworkEndpoints = new ArrayList<>();
  /** How many of {@link #frameworkEndpoints} the route rules have seen. */
  private int routesChecked;
  /** The frameworks that have a policy somewhere in the compilation. */
  private final Set<Framework> frameworksWithPolicies = java.util.EnumSet.noneOf(Framework.class);
  /** The JAX-RS application paths of the compilation. */
  private final Set<String> applicationPaths = new java.util.TreeSet<>();
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
    Trees trees = treesOf(env);
    policies = new PolicyReader(env.getElementUtils(), e -> trees == null || trees.getTree(e) != null);
    endpoints = new EndpointReader(env.getElementUtils(), env.getTypeUtils());
    handlers = new HandlerWriter(env.getElementUtils(), getClass().getName());
    services = new ServicesWriter(env.getFiler());
    reporter = new Reporter(env, rules);
  }

  /**
   * Every annotation: a policy can come through a composed annotation of any name (also one
   * compiled elsewhere), and the routes of controllers without any policy are needed too. {@link
   * #process} claims none but {@code @ExpiryPolicy} and its container, and reads only the
   * annotations of each class and its methods.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
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
    readApplicationPath(round);
    Set<TypeElement> types = new LinkedHashSet<>();
    Set<PackageElement> packages = new LinkedHashSet<>();
    for (Element element : retryDeferred()) {
      if (element instanceof TypeElement t) {
        types.add(t);
      }
    }
    for (Element root : round.getRootElements()) {
      collect(root, types, packages);
    }
    // Elements annotated elsewhere than in a root (should javac ever hand such) are still checked.
    for (String annotation : List.of(Names.EXPIRY_POLICY, Names.EXPIRY_POLICIES)) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
      if (type != null) {
        for (Element e : round.getElementsAnnotatedWith(type)) {
          Element owner = e instanceof TypeElement || e instanceof PackageElement ? e : e.getEnclosingElement();
          if (owner instanceof TypeElement t) {
            types.add(t);
          } else if (owner instanceof PackageElement p) {
            packages.add(p);
          }
        }
      }
    }
    for (PackageElement pkg : packages) {
      processPackage(pkg);
    }
    Map<String, TypeElement> byName = new TreeMap<>();
    for (TypeElement type : types) {
      byName.put(type.getQualifiedName().toString(), type);
    }
    for (TypeElement type : byName.values()) {
      if (!endpoints.isUnresolved(type)) {
        processType(type);
      } else if (!round.processingOver()) {
        deferred.add(type.getQualifiedName().toString());
      } // else: the last round and still unresolved; javac reports the missing type
    }
    if (!round.processingOver()) {
      writeFrameworkEndpoints();
      checkRoutes();
    } else {
      writeIndex();
    }
    // Claim nothing: this processor reads every root element (composed policies, framework
    // endpoints), and a claim would keep a later processor that supports "*" from running at all in
    // a round whose only annotation is @ExpiryPolicy.
    return false;
  }

  /** A type and the types nested in it; a package-info's package. */
  private static void collect(Element element, Set<TypeElement> types, Set<PackageElement> packages) {
    if (element instanceof PackageElement p) {
      packages.add(p);
    } else if (element instanceof TypeElement t) {
      types.add(t);
      for (Element member : t.getEnclosedElements()) {
        if (member instanceof TypeElement) {
          collect(member, types, packages);
        }
      }
    }
  }

  /**
   * Reads the JAX-RS {@code @ApplicationPath} of the compilation: the value when exactly one
   * {@code Application} subclass declares one, else none (several applications cannot be told
   * apart by a resource; the runtime matches routes within the servlet's mapping anyway).
   */
  private void readApplicationPath(RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Names.JAXRS_APPLICATION_PATH);
    if (annotation == null) {
      return;
    }
    for (Element e : round.getElementsAnnotatedWith(annotation)) {
      applicationPaths.addAll(EndpointReader.applicationPaths(e));
    }
    endpoints.applicationPath(applicationPaths.size() == 1 ? applicationPaths.iterator().next() : "");
  }

  private void processPackage(PackageElement pkg) {
    try {
      List<Policy> own = policies.read(pkg);
      if (!own.isEmpty()) {
        check(new Declaration(pkg, own, List.of(), endpoints.placementOf(pkg)));
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.internalError(pkg, e);
    }
  }

  /** Checks the policies on a class and its methods; collects or writes its endpoint. */
  private void processType(TypeElement type) {
    if (!processed.add(type.getQualifiedName().toString()) || isOwnHandler(type)) {
      return;
    }
    List<Declaration> declarations = new ArrayList<>();
    boolean failed = false;
    try {
      List<Policy> packagePolicies = policies.read(processingEnv.getElementUtils().getPackageOf(type));
      List<Policy> classPolicies = policies.read(type);
      if (!classPolicies.isEmpty()) {
        Declaration d = new Declaration(type, classPolicies, packagePolicies, endpoints.placementOf(type));
        failed |= check(d);
        declarations.add(d);
      }
      List<Policy> outer = new ArrayList<>(classPolicies);
      outer.addAll(packagePolicies);
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        List<Policy> own = policies.read(method);
        if (!own.isEmpty()) {
          Declaration d = new Declaration(method, own, outer, endpoints.placementOf(method));
          failed |= check(d);
          declarations.add(d);
        }
      }
      if (failed) {
        return;
      }
      Optional<Framework> framework = endpoints.frameworkOf(type);
      if (framework.isPresent()) {
        FrameworkEndpoint endpoint = endpoints.frameworkEndpointOf(type, framework.get(), policies::read);
        frameworkEndpoints.add(endpoint);
        if (endpoint.hasPolicies()) {
          frameworksWithPolicies.add(framework.get());
        }
        return;
      }
      if (!endpoints.isServlet(type) || (declarations.isEmpty()
          && (packagePolicies.isEmpty() || endpoints.isFrameworkServlet(type)
              || type.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)))) {
        return;
      }
      List<Declaration> placed = declarations.stream()
          .filter(d -> !(d.placement() instanceof Placement.Unreachable)).toList();
      Endpoint endpoint = endpoints.endpointOf(type, placed, packagePolicies);
      ClassName name = handlers.handlerName(endpoint);
      if (written.containsKey(name)) {
        return;
      }
      handlers.write(endpoint).writeTo(processingEnv.getFiler());
      written.put(name, type);
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "The Expiry processor could not write the handler for this servlet: " + e, type);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.internalError(type, e);
    }
  }

  /** Runs every rule on a declaration and reports; whether any error was reported. */
  private boolean check(Declaration declaration) {
    Findings findings = new Findings();
    for (Rule rule : rules) {
      rule.check(declaration, findings);
    }
    return reporter.report(declaration.element(), findings.all());
  }

  /** A handler this processor generated in an earlier round: nothing in it to read. */
  private boolean isOwnHandler(TypeElement type) {
    return written.containsKey(ClassName.get(type));
  }

  /**
   * Writes the handlers of the controllers and resources read so far, for each framework that has
   * a policy somewhere in the compilation: those without policies too, since their routes take part
   * in choosing the most specific route at run time.
   */
  private void writeFrameworkEndpoints() {
    for (FrameworkEndpoint endpoint : frameworkEndpoints) {
      ClassName name = handlers.handlerName(endpoint.type());
      if (!frameworksWithPolicies.contains(endpoint.framework()) || written.containsKey(name)
          || endpoint.handlers().isEmpty()) {
        continue;
      }
      try {
        handlers.write(endpoint).writeTo(processingEnv.getFiler());
        written.put(name, endpoint.type());
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            "The Expiry processor could not write the handler for this class: " + e, endpoint.type());
      } catch (RuntimeException | LinkageError | AssertionError e) {
        reporter.internalError(endpoint.type(), e);
      }
    }
  }

  /**
   * Runs the rules that look at every route of the compilation at once, reporting what they find
   * on the endpoints read in this round (javac places a diagnostic only on an element of the
   * current round; in a usual build every endpoint comes in the first).
   */
  private void checkRoutes() {
    if (routesChecked == frameworkEndpoints.size()) {
      return;
    }
    Set<Element> fresh = new java.util.HashSet<>();
    for (FrameworkEndpoint e : frameworkEndpoints.subList(routesChecked, frameworkEndpoints.size())) {
      fresh.add(e.type());
      e.handlers().forEach(h -> fresh.add(h.method()));
    }
    routesChecked = frameworkEndpoints.size();
    Findings findings = new Findings();
    try {
      for (Rule rule : rules) {
        rule.checkRoutes(List.copyOf(frameworkEndpoints), findings);
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      if (!frameworkEndpoints.isEmpty()) {
        reporter.internalError(frameworkEndpoints.get(0).type(), e);
      }
      return;
    }
    for (var finding : findings.all()) {
      if (fresh.contains(finding.element())) {
        reporter.report(finding.element(), List.of(finding));
      }
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

  /** The type deferred under this name, if it can be found now. */
  private Element find(String key) {
    return processingEnv.getElementUtils().getTypeElement(key);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
