package dev.expiry.processor.read;

import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Level;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.read.jaxrs.JaxRsKind;
import dev.expiry.processor.read.servlet.ServletKind;
import dev.expiry.processor.read.spring.SpringMvcKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import com.sun.source.util.Trees;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads what the rules check and the writers write: the policies on a class, its methods and its
 * package with where each stands, and the endpoint a class forms. Asks each {@link EndpointKind}
 * in turn; a policy that none of them places is one no request can reach.
 */
public final class Endpoints {

  private final Elements elements;
  private final Trees trees;
  private final Levels levels;
  private final PolicyReader policies;
  private final List<EndpointKind> kinds;

  /** @param trees the compiler's trees, or {@code null} under a compiler that offers none */
  public Endpoints(Elements elements, Trees trees, Levels levels, List<EndpointKind> kinds) {
    this.elements = elements;
    this.trees = trees;
    this.levels = levels;
    this.policies = levels.policies();
    this.kinds = List.copyOf(kinds);
  }

  /** Every kind of endpoint the processor reads: servlets, Spring MVC, JAX-RS. */
  public static List<EndpointKind> kinds(Elements elements, Types types, Levels levels) {
    MethodKeys keys = new MethodKeys(elements, types);
    return List.of(new ServletKind(elements, levels), new SpringMvcKind(elements, levels, keys),
        new JaxRsKind(elements, levels, keys));
  }

  /** Lets each kind read what it reads once per round. */
  public void startRound(RoundEnvironment round) {
    kinds.forEach(k -> k.startRound(round));
  }

  /** The policies and exemption on a package-info, if any. */
  public List<Declaration> declarations(PackageElement pkg) {
    Level own = levels.of(pkg);
    return own.isEmpty() && !policies.isIncomplete(pkg) ? List.of()
        : List.of(new Declaration(pkg, own.policies(), own.exemption(), List.of(), new Placement.PackageDefault(),
            policies.unreadable(pkg), policies.isIncomplete(pkg)));
  }

  /** The policies and exemptions on a class and on each of its methods, each with where it stands. */
  public List<Declaration> declarations(TypeElement type) {
    List<Declaration> declarations = new ArrayList<>();
    PackageElement pkg = elements.getPackageOf(type);
    List<Policy> packagePolicies = levels.policiesOf(pkg);
    Level classLevel = levels.of(type);
    // A policy that could not be read leaves the others around it incomplete: their rules wait.
    boolean outerIncomplete = policies.isIncomplete(pkg);
    boolean classIncomplete = outerIncomplete || policies.isIncomplete(type);
    if (!classLevel.isEmpty() || policies.isIncomplete(type)) {
      declarations.add(new Declaration(type, classLevel.policies(), classLevel.exemption(), packagePolicies,
          placementOf(type), policies.unreadable(type), classIncomplete));
    }
    List<Policy> outer = new ArrayList<>(classLevel.policies());
    outer.addAll(packagePolicies);
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Level own = levels.of(method);
      if (!own.isEmpty() || policies.isIncomplete(method)) {
        declarations.add(new Declaration(method, own.policies(), own.exemption(), outer, placementOf(method),
            policies.unreadable(method), classIncomplete || policies.isIncomplete(method)));
      }
    }
    return declarations;
  }

  /** What the class depends on that javac has not resolved yet, if anything: then it is read later. */
  public Optional<Unresolved> unresolved(TypeElement type) {
    return Unresolved.in(type, elements, trees);
  }

  /**
   * Whether the class is or may be an endpoint, as far as can be read while a type it depends on
   * is unresolved: a policy is written on it or its methods or its package, or a kind places a
   * policy on it.
   */
  public boolean mayBeEndpoint(TypeElement type) {
    return !declarations(type).isEmpty() || !levels.of(elements.getPackageOf(type)).isEmpty()
        || !(placementOf(type) instanceof Placement.Unreachable);
  }

  /** The endpoint the class forms, if any kind reads one. */
  public Optional<Endpoint> endpointOf(TypeElement type) {
    for (EndpointKind kind : kinds) {
      Optional<Endpoint> endpoint = kind.endpointOf(type);
      if (endpoint.isPresent()) {
        return endpoint;
      }
    }
    return Optional.empty();
  }

  /** Where a policy on this element stands. */
  public Placement placementOf(Element element) {
    if (element instanceof PackageElement) {
      return new Placement.PackageDefault();
    }
    if (element.getKind() == ElementKind.ANNOTATION_TYPE) {
      return new Placement.Composed();
    }
    for (EndpointKind kind : kinds) {
      Optional<Placement> placement = kind.placementOf(element);
      if (placement.isPresent()) {
        return placement.get();
      }
    }
    return new Placement.Unreachable(describe(element), kinds.stream().map(EndpointKind::howToApply)
        .collect(Collectors.joining("; or ")));
  }

  /** {@code class S, which is not an HttpServlet, ...}, {@code method m() of interface I}. */
  private String describe(Element element) {
    if (element instanceof TypeElement type) {
      String kind = switch (type.getKind()) {
        case INTERFACE -> "interface";
        case ENUM -> "enum";
        case RECORD -> "record";
        default -> "class";
      };
      return kind + " " + type.getSimpleName() + (type.getKind() == ElementKind.CLASS ? ", which is not "
          + nouns() : "");
    }
    if (element.getKind() == ElementKind.METHOD) {
      return "method " + element.getSimpleName() + "() of " + describe(element.getEnclosingElement());
    }
    return element.getKind().toString().toLowerCase(Locale.ROOT) + " " + element.getSimpleName();
  }

  /** {@code an HttpServlet, a Spring MVC controller or a JAX-RS resource}. */
  private String nouns() {
    List<String> nouns = kinds.stream().map(EndpointKind::noun).toList();
    return nouns.size() == 1 ? nouns.get(0)
        : String.join(", ", nouns.subList(0, nouns.size() - 1)) + " or " + nouns.get(nouns.size() - 1);
  }
}
