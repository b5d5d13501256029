package dev.expiry.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Reporter;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Rulebook;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.FrameworkEndpoint;
import dev.expiry.processor.read.Endpoints;
import dev.expiry.processor.read.Levels;
import dev.expiry.processor.read.MethodKeys;
import dev.expiry.processor.read.PolicyReader;
import dev.expiry.processor.read.Unresolved;
import dev.expiry.processor.rules.UnreadableValue;
import dev.expiry.processor.write.Row;
import dev.expiry.processor.write.Rows;
import dev.expiry.processor.write.PolicyFileWriter;
import dev.expiry.processor.write.ReportPage;
import dev.expiry.processor.write.ReportWriter;
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
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Checks every {@code @ExpiryPolicy} against the rulebook and writes the policy file the runtime
 * serves ({@code META-INF/expiry/policies}): per package, the answers of each endpoint.
 *
 * <p>Endpoints are servlets, Spring MVC controllers and JAX-RS resources; policies come from the
 * element, its class, its package, or composed annotations. This class only runs rounds and wires
 * the steps: the {@code read} package turns elements into a model (one {@code EndpointKind} per
 * kind of endpoint), the rules in {@code check} and {@code rules} judge it, and the {@code write}
 * package renders the file, once, in the last round: data, not code, so that the compilation needs
 * no further round. Classes that depend on types not generated yet are deferred to a later round.
 */
@AutoService(Processor.class)
public final class ExpiryProcessor extends AbstractProcessor {

  private final List<Rule> rules;
  private PolicyReader policies;
  private Endpoints endpoints;
  private Rows rows;
  private PolicyFileWriter policyFile;
  private ReportWriter reportWriter;
  private Levels levels;
  private Reporter reporter;
  /** javac's trees, or {@code null} under a compiler that offers none. */
  private Trees trees;

  /** Names of types that were not resolvable yet, retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Types already processed, so that a type handed again (a deferred one) is not read twice. */
  private final Set<String> processed = new java.util.HashSet<>();
  /** Every controller and resource read so far, for the route rules and the handlers. */
  private final List<FrameworkEndpoint> frameworkEndpoints = new ArrayList<>();
  /** How many of {@link #frameworkEndpoints} the route rules have seen. */
  private int routesChecked;
  /** The rows of each package read so far, by package, then by endpoint class. */
  private final Map<String, Map<String, EndpointRows>> packageRows = new TreeMap<>();
  /** The packages whose members compiled earlier (an incremental build) have been read. */
  private final Set<String> packagesRead = new java.util.HashSet<>();
  /** The top-level types handed to a round as root elements, from sources or (Gradle) from class files. */
  private final Set<String> rootTypes = new java.util.HashSet<>();
  /** Whether each root type had no class file in the class output, once looked up. */
  private final Map<String, Boolean> rootsFromSource = new java.util.HashMap<>();
  /** The report entries of the endpoints of each package read so far, by package, then by class. */
  private final Map<String, Map<String, EndpointReport>> packageReports = new TreeMap<>();
  /** The policy file already in the class output ({@code ""} for none), once read. */
  private String existingFile;
  /** The report already in the class output ({@code ""} for none), once read. */
  private String existingReportText;
  /** Whether the sections of the existing file have been checked for classes gone from the output. */
  private boolean existingChecked;

  /** The rows of one endpoint class. */
  private record EndpointRows(TypeElement type, List<Row> rows) {}

  /** The report entry of one endpoint class. */
  private record EndpointReport(TypeElement type, Map<String, Object> entry) {}

  /** The option naming the directory the HTML report goes to: {@code -Aexpiry.reportDir=target/reports/expiry}. */
  static final String REPORT_DIR = "reportDir";

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
    trees = treesOf(env);
    policies = new PolicyReader(env.getElementUtils(),
        trees != null ? e -> trees.getTree(e) != null : this::isRootFromSource);
    levels = new Levels(policies);
    endpoints = new Endpoints(env.getElementUtils(), trees, levels,
        Endpoints.kinds(env.getElementUtils(), env.getTypeUtils(), levels));
    rows = new Rows();
    policyFile = new PolicyFileWriter(getClass().getName(), PolicyFileWriter.processorVersion());
    reportWriter = new ReportWriter(getClass().getName(), env.getElementUtils(),
        new MethodKeys(env.getElementUtils(), env.getTypeUtils()));
    reporter = new Reporter(env, rules, Set.of(REPORT_DIR));
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
    return Reporter.supportedOptions(rules, Set.of(REPORT_DIR));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    reporter.reportOptionProblems();
    endpoints.startRound(round);
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement t) {
        rootTypes.add(t.getQualifiedName().toString());
      }
    }
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
    // Every element javac could report as annotated lies within these roots (RoundEnvironment's
    // getElementsAnnotatedWith only searches them), so no second scan of the round is needed.
    for (PackageElement pkg : packages) {
      processPackage(pkg);
    }
    Map<String, TypeElement> byName = new TreeMap<>();
    for (TypeElement type : types) {
      byName.put(type.getQualifiedName().toString(), type);
    }
    for (TypeElement type : byName.values()) {
      Optional<Unresolved> unresolved = unresolved(type);
      if (unresolved.isEmpty()) {
        // A root read from its class file (Gradle hands the unchanged types again) was checked when
        // it was compiled, with the @SuppressWarnings its class file no longer has.
        processType(type, !policies.isInSource(type));
      } else if (!round.processingOver()) {
        deferred.add(type.getQualifiedName().toString());
      } else {
        reportUnresolved(type, unresolved.get());
      }
    }
    if (!round.processingOver()) {
      readCompiledEarlier(byName.values(), packages);
      checkRoutes();
    } else {
      writeOutputs();
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

  private void processPackage(PackageElement pkg) {
    try {
      check(endpoints.declarations(pkg));
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.internalError(pkg, e);
    }
  }

  /**
   * Checks the policies on a class and its methods; keeps the rows of the endpoint it forms.
   *
   * @param compiledEarlier whether the type comes from a class file (an incremental build: one this
   *     compilation's output already holds, or a root Gradle hands again): its policies were
   *     checked when it was compiled, and it only contributes its rows to its package's section
   */
  private void processType(TypeElement type, boolean compiledEarlier) {
    if (!processed.add(type.getQualifiedName().toString())) {
      return;
    }
    try {
      if (!compiledEarlier && check(endpoints.declarations(type))) {
        return;
      }
      endpoints.endpointOf(type).ifPresent(endpoint -> {
        if (!compiledEarlier) {
          checkEndpoint(endpoint);
          if (endpoint instanceof FrameworkEndpoint f) {
            frameworkEndpoints.add(f);
          }
        }
        addRows(type, rows.of(endpoint));
        addReport(type, reportWriter.endpoint(endpoint));
      });
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.internalError(type, e);
    }
  }

  /** Runs the rules that look at a whole endpoint (coverage) and reports what they find. */
  private void checkEndpoint(Endpoint endpoint) {
    Findings findings = new Findings();
    for (Rule rule : rules) {
      if (reporter.isOn(rule)) {
        rule.checkEndpoint(endpoint, findings);
      }
    }
    for (var finding : findings.all()) {
      reporter.report(finding.element(), List.of(finding));
    }
  }

  /** Runs every rule on each declaration and reports; whether any error was reported. */
  private boolean check(List<Declaration> declarations) {
    boolean failed = false;
    for (Declaration d : declarations) {
      failed |= check(d);
    }
    return failed;
  }

  /** Runs every rule on a declaration and reports; whether any error was reported. */
  private boolean check(Declaration declaration) {
    Findings findings = new Findings();
    for (Rule rule : rules) {
      // Where a policy could not be read, only that is reported: what the other rules would say
      // about the policies left is noise, and javac or UnreadableValue fails the build anyway.
      if (!declaration.incomplete() || rule instanceof UnreadableValue) {
        rule.check(declaration, findings);
      }
    }
    return reporter.report(declaration.element(), findings.all()) || declaration.incomplete();
  }

  /**
   * Reads the endpoints of the packages this round touched that are not in this compilation but
   * whose class files are in its output: when an IDE or Gradle recompiles only the changed
   * sources, the package's section must still list every endpoint of the package. javac lists
   * those classes among the package's members, from the class path, with their class-retention
   * annotations; classes of other jars in the same package are left to those jars' own files.
   */
  private void readCompiledEarlier(java.util.Collection<TypeElement> types, Set<PackageElement> packageInfos) {
    Set<PackageElement> touched = new LinkedHashSet<>(packageInfos);
    for (TypeElement type : types) {
      touched.add(processingEnv.getElementUtils().getPackageOf(type));
    }
    if (!existingChecked) {
      existingChecked = true;
      touched.addAll(packagesWithClassesGone(touched));
    }
    for (PackageElement pkg : touched) {
      String name = pkg.getQualifiedName().toString();
      if (!packagesRead.add(name)) {
        continue;
      }
      // Read whole from here on: its section of the policy file is replaced, also by none.
      packageRows.computeIfAbsent(name, p -> new TreeMap<>());
      try {
        List<TypeElement> members = new ArrayList<>();
        for (Element member : pkg.getEnclosedElements()) {
          collectTypes(member, members);
        }
        for (TypeElement member : members) {
          if (!policies.isInSource(member) && !processed.contains(member.getQualifiedName().toString())
              && inClassOutput(member)) {
            processType(member, true);
          }
        }
      } catch (RuntimeException | LinkageError | AssertionError e) {
        reporter.internalError(pkg, e);
      }
    }
  }

  /**
   * The packages of the policy file already in the output, other than these, that list an endpoint
   * whose class file is no longer in the output (its source was deleted, or moved to another
   * package): they are read again from the class files they have left. A package with none left at
   * all is read here as empty, so that its section goes.
   */
  private List<PackageElement> packagesWithClassesGone(Set<PackageElement> touched) {
    Set<String> names = new java.util.HashSet<>();
    touched.forEach(p -> names.add(p.getQualifiedName().toString()));
    List<PackageElement> gone = new ArrayList<>();
    Map<String, Set<String>> listed = new TreeMap<>();
    PolicyFileWriter.endpointClassesOf(existingPolicyFile()).forEach((pkg, c) -> listed.put(pkg, new java.util.HashSet<>(c)));
    ReportWriter.endpointClassesOf(existingReport())
        .forEach((pkg, c) -> listed.computeIfAbsent(pkg, k -> new java.util.HashSet<>()).addAll(c));
    listed.forEach((pkg, classes) -> {
      if (names.contains(pkg) || classes.stream().allMatch(c -> inClassOutput(pkg, c))) {
        return;
      }
      PackageElement element = processingEnv.getElementUtils().getPackageElement(pkg);
      if (element != null) {
        gone.add(element);
      } else if (packagesRead.add(pkg)) {
        packageRows.computeIfAbsent(pkg, p -> new TreeMap<>());
      }
    });
    return gone;
  }

  private static void collectTypes(Element element, List<TypeElement> into) {
    if (element instanceof TypeElement t) {
      into.add(t);
      for (Element member : t.getEnclosedElements()) {
        collectTypes(member, into);
      }
    }
  }

  /**
   * Whether an element is declared in this compilation's sources, where javac's {@code Trees} is
   * out of reach (Gradle runs an incremental processor behind a {@code ProcessingEnvironment} of its
   * own): its top-level type was handed to a round, and had no class file in the class output.
   * Gradle moves the class files of the sources it recompiles out of the output before it runs
   * javac, and hands the unchanged types it reprocesses as roots read from their class files.
   */
  private boolean isRootFromSource(Element element) {
    Element top = element;
    while (top != null && !(top.getEnclosingElement() instanceof PackageElement)) {
      top = top.getEnclosingElement();
    }
    return top instanceof TypeElement t && rootTypes.contains(t.getQualifiedName().toString())
        && rootsFromSource.computeIfAbsent(t.getQualifiedName().toString(), n -> !inClassOutput(t));
  }

  /** Whether the type's class file is in this compilation's class output. */
  private boolean inClassOutput(TypeElement type) {
    return inClassOutput(processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString(),
        processingEnv.getElementUtils().getBinaryName(type).toString());
  }

  /** Whether the class file of the class of this binary name, in this package, is in the class output. */
  private boolean inClassOutput(String pkg, String binary) {
    String file = (pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1)) + ".class";
    try (var in = processingEnv.getFiler().getResource(javax.tools.StandardLocation.CLASS_OUTPUT, pkg, file)
        .openInputStream()) {
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Keeps an endpoint's rows for its package's section of the policy file. */
  private void addRows(TypeElement type, List<Row> endpointRows) {
    String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    // A package read with no rows still replaces its section: its last endpoint may have lost its policy.
    Map<String, EndpointRows> rowsOfPackage = packageRows.computeIfAbsent(pkg, p -> new TreeMap<>());
    if (!endpointRows.isEmpty()) {
      rowsOfPackage.putIfAbsent(endpointRows.get(0).endpoint(), new EndpointRows(type, endpointRows));
    }
  }

  /** Keeps an endpoint's report entry for its package's line of the report. */
  private void addReport(TypeElement type, Map<String, Object> entry) {
    String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    packageReports.computeIfAbsent(pkg, p -> new TreeMap<>())
        .putIfAbsent((String) entry.get("class"), new EndpointReport(type, entry));
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

  /**
   * Writes the policy file, once, in the last round: a resource, so that no further round is
   * needed. Sections of packages this compilation did not read are kept from the file already in
   * the output (an incremental build recompiles only some packages); a package whose section lists
   * a class gone from the output was read again (see {@link #packagesWithClassesGone}).
   */
  private void writeOutputs() {
    writePolicyFile();
    writeReport();
  }

  private void writePolicyFile() {
    Map<String, List<Row>> rowsByPackage = new TreeMap<>();
    List<Element> origins = new ArrayList<>();
    packageRows.forEach((pkg, byEndpoint) -> {
      List<Row> all = new ArrayList<>();
      byEndpoint.values().forEach(e -> {
        all.addAll(e.rows());
        origins.add(e.type());
      });
      rowsByPackage.put(pkg, all);
    });
    String existing = existingPolicyFile();
    if (rowsByPackage.values().stream().allMatch(List::isEmpty) && existing.isEmpty()) {
      return; // nothing to serve, and no file to update
    }
    try {
      writeResource(PolicyFileWriter.PATH, policyFile.write(rowsByPackage, existing), existing, origins);
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "The Expiry processor could not write " + PolicyFileWriter.PATH + ": " + e);
    }
  }

  /** Writes {@code text} to the class output's {@code path}, unless it is what is there already. */
  private void writeResource(String path, String text, String existing, List<? extends Element> origins)
      throws IOException {
    if (text.equals(existing)) {
      return;
    }
    javax.tools.FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path,
        origins.toArray(new Element[0]));
    try (java.io.Writer out = new java.io.OutputStreamWriter(file.openOutputStream(),
        java.nio.charset.StandardCharsets.UTF_8)) {
      out.write(text);
    }
  }

  /**
   * Writes the report, in the last round, like the policy file: the lines of the packages this
   * compilation read whole, the others kept from the report already in the output; and the HTML
   * page from the whole of it where {@code -Aexpiry.reportDir} names a directory.
   */
  private void writeReport() {
    Map<String, Map<String, Object>> entries = new TreeMap<>();
    List<Element> origins = new ArrayList<>();
    for (String pkg : packageRows.keySet()) {
      Map<String, EndpointReport> byClass = packageReports.getOrDefault(pkg, Map.of());
      if (byClass.isEmpty()) {
        entries.put(pkg, null);
        continue;
      }
      List<Map<String, Object>> endpointEntries = new ArrayList<>();
      byClass.values().forEach(e -> {
        endpointEntries.add(e.entry());
        origins.add(e.type());
      });
      PackageElement element = processingEnv.getElementUtils().getPackageElement(pkg);
      entries.put(pkg, reportWriter.packageEntry(pkg,
          element == null ? Optional.empty() : levels.exemption(element), endpointEntries));
    }
    String existing = existingReport();
    if (entries.values().stream().allMatch(java.util.Objects::isNull) && existing.isEmpty()) {
      return; // no endpoint, and no report to update
    }
    String text;
    try {
      text = reportWriter.write(entries, existing);
      writeResource(ReportWriter.PATH, text, existing, origins);
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "The Expiry processor could not write " + ReportWriter.PATH + ": " + e);
      return;
    }
    String dir = processingEnv.getOptions().get(Reporter.OPTION_PREFIX + REPORT_DIR);
    if (dir != null && !dir.isBlank()) {
      java.nio.file.Path page = java.nio.file.Path.of(dir).resolve(ReportPage.FILE_NAME);
      try {
        java.nio.file.Files.createDirectories(page.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(page, ReportPage.render(text), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
            "The Expiry processor could not write the report page " + page + ": " + e);
      }
    }
  }

  /** The report already in the class output, or {@code ""}; read once. */
  private String existingReport() {
    if (existingReportText == null) {
      existingReportText = readOutput(ReportWriter.PATH);
    }
    return existingReportText;
  }

  /** A resource already in the class output, or {@code ""}. */
  private String readOutput(String path) {
    try (java.io.InputStream in = processingEnv.getFiler()
        .getResource(StandardLocation.CLASS_OUTPUT, "", path).openInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return ""; // no file yet: the usual case for a clean build
    }
  }

  /** The policy file already in the class output, or {@code ""}; read once. */
  private String existingPolicyFile() {
    if (existingFile == null) {
      existingFile = readOutput(PolicyFileWriter.PATH);
    }
    return existingFile;
  }

  /** What the type depends on that javac has not resolved yet, if anything. */
  private Optional<Unresolved> unresolved(TypeElement type) {
    try {
      return endpoints.unresolved(type);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.internalError(type, e);
      return Optional.empty();
    }
  }

  /**
   * Reports, in the last round, a class that still depends on an unresolved type and that is or
   * may be an endpoint: its policies are not checked and it gets no row. (A class that carries no
   * policy and is no endpoint is left to javac, which reports the missing type itself.)
   */
  private void reportUnresolved(TypeElement type, Unresolved unresolved) {
    try {
      if (!endpoints.mayBeEndpoint(type)) {
        return;
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.internalError(type, e);
      return;
    }
    String message = "The Expiry processor cannot read " + type.getSimpleName() + ": the "
        + (unresolved.annotation() ? "annotation type " : "type ") + unresolved.name()
        + " is not resolved, and no annotation processor generated it. Until it is, the expiry policies of "
        + type.getSimpleName() + " are not checked and it has no line in the policy file.";
    if (unresolved.at() != null) {
      trees.printMessage(Diagnostic.Kind.ERROR, message, unresolved.at().getLeaf(), unresolved.at().getCompilationUnit());
    } else {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, unresolved.element());
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
