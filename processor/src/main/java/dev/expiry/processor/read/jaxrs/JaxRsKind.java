package dev.expiry.processor.read.jaxrs;

import dev.expiry.processor.model.Conditions;
import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Framework;
import dev.expiry.processor.model.PathTemplate;
import dev.expiry.processor.model.Route;
import dev.expiry.processor.read.FrameworkKind;
import dev.expiry.processor.read.Hierarchy;
import dev.expiry.processor.read.Meta;
import dev.expiry.processor.read.Levels;
import dev.expiry.processor.read.MethodKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * JAX-RS: root resources (concrete classes whose class, superclass or interface carries {@code
 * @Path}, as Jersey finds it) and sub-resources (classes without {@code @Path} that a sub-resource
 * locator returns: any concrete class with resource methods or locators), and their resource
 * methods: public methods carrying {@code @GET}, {@code @POST}, ... or another {@code @HttpMethod}
 * designator. A method without JAX-RS annotations of its own takes those of the method it
 * overrides, in the superclass before an interface (specification §3.6).
 */
public final class JaxRsKind extends FrameworkKind {

  public static final Framework JAX_RS = new Framework("jax-rs", "JAX-RS", new PathTemplate.Syntax("[^/]+", true, false),
      "@Consumes or @Produces");

  static final String PATH = "jakarta.ws.rs.Path";
  static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
  static final String APPLICATION_PATH = "jakarta.ws.rs.ApplicationPath";
  static final String CONSUMES = "jakarta.ws.rs.Consumes";
  static final String PRODUCES = "jakarta.ws.rs.Produces";

  /** The parameter annotations that, like method annotations, make a method's JAX-RS annotations its own. */
  private static final Set<String> PARAMETER_ANNOTATIONS = Set.of(
      "jakarta.ws.rs.core.Context", "jakarta.ws.rs.Encoded", "jakarta.ws.rs.DefaultValue",
      "jakarta.ws.rs.MatrixParam", "jakarta.ws.rs.QueryParam", "jakarta.ws.rs.CookieParam",
      "jakarta.ws.rs.HeaderParam", "jakarta.ws.rs.PathParam", "jakarta.ws.rs.FormParam");

  private static final String FIX = "put it on a JAX-RS resource method (one with @GET, @POST, ... or another"
      + " @HttpMethod) or on its resource class";

  /** The {@code @ApplicationPath} values of the compilation. */
  private final Set<String> applicationPaths = new TreeSet<>();

  public JaxRsKind(Elements elements, Levels levels, MethodKeys keys) {
    super(JAX_RS, Hierarchy.Order.SUPERCLASS_FIRST, "a JAX-RS resource", FIX, elements, levels, keys);
  }

  /**
   * Reads the {@code @ApplicationPath} of the compilation's {@code Application} subclasses: it
   * begins every root resource's route when there is exactly one (several cannot be told apart by a
   * resource).
   */
  @Override
  public void startRound(RoundEnvironment round) {
    super.startRound(round);
    TypeElement annotation = elements.getTypeElement(APPLICATION_PATH);
    if (annotation == null) {
      return;
    }
    // @ApplicationPath targets types only: the round's types are all there is to look at, without
    // RoundEnvironment walking every method and parameter of every root for it.
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      readApplicationPaths(type);
    }
  }

  private void readApplicationPaths(TypeElement type) {
    for (List<AnnotationMirror> chain : Meta.chains(type, APPLICATION_PATH)) {
      applicationPaths.addAll(Meta.strings(chain.get(chain.size() - 1), "value"));
    }
    ElementFilter.typesIn(type.getEnclosedElements()).forEach(this::readApplicationPaths);
  }

  private String applicationPath() {
    return applicationPaths.size() == 1 ? applicationPaths.iterator().next() : "";
  }

  @Override
  protected boolean isEndpointClass(TypeElement concrete) {
    return annotatedResourceClass(concrete).isPresent()
        || annotatedMethods(concrete).stream().anyMatch(m -> mappingSource(m).isPresent() || isLocator(m));
  }

  @Override
  protected boolean isBase(TypeElement type) {
    return !Hierarchy.isConcreteClass(type) && (hasPath(type) || !annotatedMethods(type).isEmpty());
  }

  /**
   * The class whose {@code @Path} makes a class a root resource: itself, else the nearest superclass
   * with one, else the first interface with one found walking up (Jersey's {@code
   * ModelHelper.getAnnotatedResourceClass}); empty for a sub-resource.
   */
  private Optional<TypeElement> annotatedResourceClass(TypeElement type) {
    TypeElement foundInterface = null;
    for (TypeElement c = type; c != null; c = Hierarchy.superclassOf(c).orElse(null)) {
      if (hasPath(c)) {
        return Optional.of(c);
      }
      if (foundInterface == null) {
        for (var i : c.getInterfaces()) {
          if (i instanceof DeclaredType d && d.asElement() instanceof TypeElement t && hasPath(t)) {
            foundInterface = t;
            break;
          }
        }
      }
    }
    return Optional.ofNullable(foundInterface);
  }

  @Override
  protected Optional<ExecutableElement> mappingSource(ExecutableElement method) {
    if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)) {
      return Optional.empty();
    }
    return jaxRsSource(method).filter(s -> !designators(s).isEmpty());
  }

  /** The method whose JAX-RS annotations this one has: the first in the search order that has any. */
  private Optional<ExecutableElement> jaxRsSource(ExecutableElement method) {
    return searchOrder(method).stream().filter(JaxRsKind::hasJaxRsAnnotations).findFirst();
  }

  /** A sub-resource locator: a {@code @Path} method without a designator. */
  private boolean isLocator(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC)
        && jaxRsSource(method).filter(s -> designators(s).isEmpty() && hasPath(s)).isPresent();
  }

  @Override
  protected boolean carriesMethodAnnotations(ExecutableElement method) {
    return hasJaxRsAnnotations(method);
  }

  private static boolean hasJaxRsAnnotations(ExecutableElement method) {
    if (hasPath(method) || hasDirect(method, CONSUMES) || hasDirect(method, PRODUCES)
        || Meta.chains(method, HTTP_METHOD).stream().anyMatch(c -> c.size() > 1)) {
      return true;
    }
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getAnnotationMirrors().stream().anyMatch(a -> PARAMETER_ANNOTATIONS.contains(Meta.nameOf(a)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected AnnotationMirror mappingOf(ExecutableElement source) {
    return Meta.chains(source, HTTP_METHOD).stream().filter(c -> c.size() > 1).findFirst().orElseThrow().get(0);
  }

  /**
   * The routes of a resource method: for a root resource, the application path, the class's
   * {@code @Path} and the method's; for a sub-resource, the method's own, matched after whatever
   * its locator matched. {@code @Consumes} and {@code @Produces} of the method override the class's.
   */
  @Override
  protected List<Route> routes(TypeElement endpoint, ExecutableElement method, ExecutableElement source) {
    Optional<TypeElement> root = annotatedResourceClass(endpoint);
    TypeElement annotated = root.orElse(endpoint);
    Conditions conditions = Conditions.of(List.of(), List.of(), mediaTypes(source, annotated, CONSUMES),
        mediaTypes(source, annotated, PRODUCES));
    PathTemplate template = root.isPresent()
        ? PathTemplate.of(applicationPath(), path(annotated), path(source)) : PathTemplate.of(path(source));
    String scope = root.isPresent() ? "" : elements.getBinaryName(endpoint).toString();
    List<Route> routes = new ArrayList<>();
    for (String m : designators(source)) {
      routes.add(new Route(JAX_RS, m, template, scope, conditions));
    }
    return routes;
  }

  private static List<String> mediaTypes(ExecutableElement source, TypeElement annotated, String annotation) {
    return hasDirect(source, annotation) ? values(source, annotation) : values(annotated, annotation);
  }

  @Override
  protected Placement.Unreachable notAHandler(ExecutableElement method, TypeElement owner) {
    String where = "method " + method.getSimpleName() + "() of " + (Hierarchy.isConcreteClass(owner)
        ? "resource " + owner.getSimpleName() : describe(owner));
    Optional<ExecutableElement> source = jaxRsSource(method);
    if (source.isPresent() && !designators(source.get()).isEmpty()) {
      return new Placement.Unreachable(where + ", which is not a public instance method (JAX-RS dispatches only to"
          + " public ones)", "make the method public, or " + FIX);
    }
    if (isLocator(method)) {
      return new Placement.Unreachable(where + ", a sub-resource locator (JAX-RS dispatches to a resource method of"
          + " the sub-resource it returns, never to the locator)", "put it on the sub-resource class or on its"
          + " resource methods");
    }
    return new Placement.Unreachable(where + ", which has no HTTP method designator (@GET, @POST, ...): a helper",
        FIX);
  }

  /** The HTTP methods of a method's designators ({@code @GET}: {@code GET}). */
  private static List<String> designators(ExecutableElement method) {
    List<String> methods = new ArrayList<>();
    for (List<AnnotationMirror> chain : Meta.chains(method, HTTP_METHOD)) {
      if (chain.size() > 1) {
        methods.addAll(Meta.strings(chain.get(chain.size() - 1), "value"));
      }
    }
    return methods;
  }

  private static boolean hasPath(Element element) {
    return hasDirect(element, PATH);
  }

  /** JAX-RS reads its annotations where they are written, not as meta-annotations. */
  private static boolean hasDirect(Element element, String annotation) {
    return element.getAnnotationMirrors().stream().anyMatch(a -> Meta.isNamed(a, annotation));
  }

  private static List<String> values(Element element, String annotation) {
    List<String> values = new ArrayList<>();
    element.getAnnotationMirrors().stream().filter(a -> Meta.isNamed(a, annotation))
        .forEach(a -> values.addAll(Meta.strings(a, "value")));
    return values;
  }

  private static String path(Element element) {
    List<String> paths = values(element, PATH);
    return paths.isEmpty() ? "" : paths.get(0);
  }
}
