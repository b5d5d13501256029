package dev.expiry.processor.read.spring;

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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Spring MVC: classes that carry {@code @Controller} (also through {@code @RestController}, any
 * annotation that carries it, or a supertype that does, as Spring's handler detection finds it),
 * and their handler methods: every method, declared or inherited, that carries {@code
 * @RequestMapping} or a composed mapping, or overrides a method that does (in an interface, then in
 * the superclass, as Spring searches them). Mappings are read with Spring's {@code @AliasFor}
 * rules, see {@link MergedAttributes}.
 */
public final class SpringMvcKind extends FrameworkKind {

  public static final Framework SPRING_MVC =
      new Framework("spring-mvc", "Spring MVC", new PathTemplate.Syntax(null, false, true),
          "params, headers, consumes or produces");

  static final String CONTROLLER = "org.springframework.stereotype.Controller";
  static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";

  private static final String FIX = "put it on a Spring MVC handler method (one with @RequestMapping, @GetMapping,"
      + " @PostMapping, ...) or on its controller class";
  private static final String CONTROLLER_FIX = "annotate the class with @Controller or @RestController (or, if"
      + " it is a base class of controllers, make it abstract)";

  /** Concrete classes that controllers of this compilation extend, by qualified name. */
  private final Set<String> extendedByControllers = new HashSet<>();
  /** The alias structure of each chain of mapping annotation types, which their uses share. */
  private final MergedAttributes.Aliases aliases = new MergedAttributes.Aliases();

  public SpringMvcKind(Elements elements, Levels levels, MethodKeys keys) {
    super(SPRING_MVC, Hierarchy.Order.INTERFACES_FIRST, "a Spring MVC controller", FIX, elements, levels, keys);
  }

  @Override
  public void startRound(RoundEnvironment round) {
    super.startRound(round);
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      noteSuperclasses(type);
    }
  }

  private void noteSuperclasses(TypeElement type) {
    if (Hierarchy.isConcreteClass(type) && isEndpointClass(type)) {
      for (TypeElement t = Hierarchy.superclassOf(type).orElse(null); t != null; t = Hierarchy.superclassOf(t).orElse(null)) {
        extendedByControllers.add(t.getQualifiedName().toString());
      }
    }
    ElementFilter.typesIn(type.getEnclosedElements()).forEach(this::noteSuperclasses);
  }

  @Override
  protected boolean isEndpointClass(TypeElement concrete) {
    return typeAndSupertypes(concrete).stream().anyMatch(t -> Meta.has(t, CONTROLLER));
  }

  @Override
  protected boolean isBase(TypeElement type) {
    boolean mayBeInherited = !Hierarchy.isConcreteClass(type)
        || (!isEndpointClass(type) && extendedByControllers.contains(type.getQualifiedName().toString()));
    return mayBeInherited && carriesMappings(type);
  }

  /** Whether the type or a supertype carries {@code @Controller} or a mapping, or it has handler methods. */
  private boolean carriesMappings(TypeElement type) {
    return typeAndSupertypes(type).stream().anyMatch(t -> Meta.has(t, CONTROLLER) || Meta.has(t, REQUEST_MAPPING))
        || hasHandlerMethods(type);
  }

  @Override
  protected Optional<ExecutableElement> mappingSource(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return Optional.empty();
    }
    return searchOrder(method).stream().filter(this::carriesMethodAnnotations).findFirst();
  }

  @Override
  protected boolean carriesMethodAnnotations(ExecutableElement method) {
    return Meta.has(method, REQUEST_MAPPING);
  }

  @Override
  protected AnnotationMirror mappingOf(ExecutableElement source) {
    return Meta.nearest(source, REQUEST_MAPPING).orElseThrow().get(0);
  }

  /**
   * The routes as Spring MVC combines the class's mapping (the nearest in its hierarchy) and the
   * method's: every class path with every method path, the methods of both (any when neither names
   * one), the {@code params} and {@code headers} of both, the method's {@code consumes} and {@code
   * produces} where it has any, else the class's.
   */
  @Override
  protected List<Route> routes(TypeElement endpoint, ExecutableElement method, ExecutableElement source) {
    MergedAttributes onMethod = merged(source).orElseThrow();
    Optional<MergedAttributes> onClass = Optional.empty();
    for (TypeElement t : typeAndSupertypes(endpoint)) {
      onClass = merged(t);
      if (onClass.isPresent()) {
        break;
      }
    }
    List<String> classPaths = onClass.map(c -> c.strings("path")).orElse(List.of());
    Set<String> methods = new LinkedHashSet<>(onClass.map(c -> c.strings("method")).orElse(List.of()));
    methods.addAll(onMethod.strings("method"));
    if (methods.isEmpty()) {
      methods.add(Route.ANY_METHOD);
    }
    Conditions conditions = Conditions.of(both(onClass, onMethod, "params"), both(onClass, onMethod, "headers"),
        either(onClass, onMethod, "consumes"), either(onClass, onMethod, "produces"));
    List<Route> routes = new ArrayList<>();
    for (String classPath : classPaths.isEmpty() ? List.of("") : classPaths) {
      List<String> paths = onMethod.strings("path");
      for (String path : paths.isEmpty() ? List.of("") : paths.stream().distinct().toList()) {
        for (String m : methods) {
          routes.add(new Route(SPRING_MVC, m, PathTemplate.of(classPath, path), "", conditions));
        }
      }
    }
    return routes;
  }

  private Optional<MergedAttributes> merged(Element element) {
    return Meta.nearest(element, REQUEST_MAPPING).map(chain -> new MergedAttributes(chain, elements, aliases));
  }

  private static List<String> both(Optional<MergedAttributes> onClass, MergedAttributes onMethod, String attribute) {
    List<String> values = new ArrayList<>(onClass.map(c -> c.strings(attribute)).orElse(List.of()));
    values.addAll(onMethod.strings(attribute));
    return values;
  }

  private static List<String> either(Optional<MergedAttributes> onClass, MergedAttributes onMethod, String attribute) {
    List<String> own = onMethod.strings(attribute);
    return own.isEmpty() ? onClass.map(c -> c.strings(attribute)).orElse(List.of()) : own;
  }

  @Override
  protected Placement.Unreachable notAHandler(ExecutableElement method, TypeElement owner) {
    String where = Hierarchy.isConcreteClass(owner) && isEndpointClass(owner)
        ? "controller " + owner.getSimpleName() : describe(owner);
    return new Placement.Unreachable("method " + method.getSimpleName() + "() of " + where
        + ", which has no request mapping (@RequestMapping, @GetMapping, ...)", FIX);
  }

  @Override
  protected Optional<Placement> misplaced(Element element) {
    if (element instanceof TypeElement type && Hierarchy.isConcreteClass(type) && carriesMappings(type)) {
      return Optional.of(new Placement.Unreachable(describe(type) + ", which is not a Spring MVC @Controller, so"
          + " its request mappings are never used", CONTROLLER_FIX));
    }
    if (element instanceof ExecutableElement method && mappingSource(method).isPresent()
        && method.getEnclosingElement() instanceof TypeElement owner) {
      return Optional.of(new Placement.Unreachable("method " + method.getSimpleName() + "() of " + describe(owner)
          + ", which is not a Spring MVC @Controller, so its mapping is never used", CONTROLLER_FIX));
    }
    return Optional.empty();
  }
}
