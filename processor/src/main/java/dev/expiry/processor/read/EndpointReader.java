package dev.expiry.processor.read;

import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Framework;
import dev.expiry.processor.model.FrameworkEndpoint;
import dev.expiry.processor.model.Route;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Policy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.PackageElement;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Decides where a policy stands and which HTTP methods it answers. */
public final class EndpointReader {

  private static final String SERVLET_FIX =
      "put it on a subclass of jakarta.servlet.http.HttpServlet (it covers every HTTP method) or on"
          + " one of its doGet, doHead, doPost, doPut, doDelete, doOptions, doTrace or doPatch"
          + " overrides (it covers that method)";

  private static final String FRAMEWORK_FIX =
      "put it on a Spring MVC handler method (one with @RequestMapping, @GetMapping, @PostMapping, ...) or"
          + " a JAX-RS resource method (one with @GET, @POST, ... or another @HttpMethod), or on their class";

  private static final String ABSTRACT_FIX = "put it on each concrete servlet, or define it once as a"
      + " composed annotation (an annotation type carrying @ExpiryPolicy) and put that on each";

  private final Elements elements;
  private final Types types;
  private String applicationPath = "";

  public EndpointReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Whether the element's placement cannot be decided yet because a type it depends on is not
   * resolved (for example a superclass that another processor generates in a later round).
   */
  public boolean isUnresolved(Element element) {
    TypeElement type = element instanceof TypeElement t ? t : enclosingType(element);
    if (type == null) {
      return false;
    }
    if (element instanceof ExecutableElement method) {
      for (var p : method.getParameters()) {
        if (p.asType().getKind() == TypeKind.ERROR) {
          return true;
        }
      }
    }
    for (TypeMirror t = type.asType(); t.getKind() != TypeKind.NONE; t = superclassOf(t)) {
      if (t.getKind() == TypeKind.ERROR) {
        return true;
      }
    }
    return false;
  }

  /** Where a policy on this element stands. */
  public Placement placementOf(Element element) {
    if (element instanceof TypeElement type) {
      if (type.getKind() == ElementKind.CLASS && isServlet(type)) {
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
          return new Placement.Unreachable("abstract servlet " + type.getSimpleName()
              + ", which no container instantiates (a policy is not inherited by subclasses)",
              ABSTRACT_FIX);
        }
        return new Placement.ServletClass();
      }
      if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
        return new Placement.Composed();
      }
      Optional<Framework> framework = frameworkOf(type);
      if (framework.isPresent()) {
        return new Placement.FrameworkClass(framework.get());
      }
      return new Placement.Unreachable(describe(type), fixFor(type));
    }
    if (element instanceof PackageElement) {
      return new Placement.PackageDefault();
    }
    if (element instanceof ExecutableElement method && element.getKind() == ElementKind.METHOD) {
      TypeElement owner = enclosingType(method);
      Optional<HttpMethod> http = HttpMethod.ofServletMethod(method.getSimpleName().toString());
      Optional<Framework> framework = owner == null ? Optional.empty() : frameworkOf(owner);
      if (framework.isPresent()) {
        List<Route> routes = routesOf(method, owner, framework.get());
        if (routes.isEmpty()) {
          return new Placement.Unreachable("method " + method.getSimpleName() + "() of "
              + (framework.get() == Framework.SPRING_MVC ? "controller " : "resource ") + owner.getSimpleName()
              + ", which " + (framework.get() == Framework.SPRING_MVC
                  ? "has no request mapping (@RequestMapping, @GetMapping, ...)"
                  : "has no HTTP method designator (@GET, @POST, ...): a helper or a sub-resource locator"),
              FRAMEWORK_FIX);
        }
        return new Placement.FrameworkMethod(framework.get(), routes);
      }
      if (owner != null && Meta.has(method, Names.SPRING_REQUEST_MAPPING)) {
        return new Placement.Unreachable("method " + method.getSimpleName() + "() of " + describe(owner)
            + " and not a Spring MVC @Controller, so its mapping is never used",
            "annotate the class with @Controller or @RestController");
      }
      if (owner != null && !designators(method).isEmpty()) {
        return new Placement.Unreachable("method " + method.getSimpleName() + "() of " + describe(owner)
            + " and has no @Path: Expiry computes routes of root resources only, not of sub-resources"
            + " reached through a locator", "put @Path on the class, or the policy on the root resource's locator's class");
      }
      if (owner == null || !isServlet(owner)) {
        return new Placement.Unreachable(
            "method " + method.getSimpleName() + "() of " + describe(owner), SERVLET_FIX);
      }
      if (http.isEmpty() || !isServiceSignature(method)) {
        return new Placement.Unreachable(
            "method " + method.getSimpleName() + "() of servlet " + owner.getSimpleName()
                + ", which is not one of the doXxx(HttpServletRequest, HttpServletResponse)"
                + " methods HttpServlet dispatches to",
            SERVLET_FIX);
      }
      if (owner.getModifiers().contains(Modifier.ABSTRACT)) {
        return new Placement.Unreachable("method " + method.getSimpleName() + "() of abstract servlet "
            + owner.getSimpleName() + ", which no container instantiates (a policy is not inherited by"
            + " subclasses)", ABSTRACT_FIX);
      }
      return new Placement.ServletMethod(http.get());
    }
    return new Placement.Unreachable(element.getKind().toString().toLowerCase() + " " + element.getSimpleName(),
        SERVLET_FIX);
  }

  /**
   * The endpoint a servlet class forms with the policies on it and on its methods.
   *
   * @param servlet the servlet class
   * @param declarations the declarations on the class and its methods, all placed and error-free
   */
  public Endpoint endpointOf(TypeElement servlet, List<Declaration> declarations, List<Policy> packagePolicies) {
    List<Policy> classPolicies = new ArrayList<>();
    Map<HttpMethod, List<Policy>> byMethod = new EnumMap<>(HttpMethod.class);
    for (Declaration d : declarations) {
      if (d.placement() instanceof Placement.ServletClass && d.element() == servlet) {
        classPolicies.addAll(d.policies());
      } else if (d.placement() instanceof Placement.ServletMethod m && !d.policies().isEmpty()) {
        byMethod.computeIfAbsent(m.method(), k -> new ArrayList<>()).addAll(d.policies());
      }
    }
    // HttpServlet.doHead runs doGet: HEAD follows GET's own policies unless doHead is overridden.
    if (byMethod.containsKey(HttpMethod.GET) && !byMethod.containsKey(HttpMethod.HEAD)
        && !overrides(servlet, HttpMethod.HEAD)) {
      byMethod.put(HttpMethod.HEAD, byMethod.get(HttpMethod.GET));
    }
    return new Endpoint(servlet, elements.getBinaryName(servlet).toString(), classPolicies, byMethod,
        packagePolicies);
  }

  /** Sets the JAX-RS {@code @ApplicationPath} that prefixes every JAX-RS route ({@code ""}: none). */
  public void applicationPath(String path) {
    String p = Route.normalize(path);
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    this.applicationPath = p;
  }

  /** The {@code @ApplicationPath} values written on the element, if any. */
  public static List<String> applicationPaths(Element element) {
    List<String> paths = new ArrayList<>();
    for (List<AnnotationMirror> chain : Meta.chains(element, Names.JAXRS_APPLICATION_PATH)) {
      paths.addAll(Meta.strings(chain.get(chain.size() - 1), "value"));
    }
    return paths;
  }

  /**
   * The framework that dispatches to the class: Spring MVC for a {@code @Controller} (also through
   * {@code @RestController} or another annotation carrying it), JAX-RS for a root resource (a
   * class with {@code @Path}).
   */
  public Optional<Framework> frameworkOf(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.empty();
    }
    if (Meta.has(type, Names.SPRING_CONTROLLER)) {
      return Optional.of(Framework.SPRING_MVC);
    }
    if (Meta.has(type, Names.JAXRS_PATH)) {
      return Optional.of(Framework.JAX_RS);
    }
    return Optional.empty();
  }

  /**
   * A controller or resource with every handler method it has.
   *
   * @param policies the policies that apply on an element
   */
  public FrameworkEndpoint frameworkEndpointOf(TypeElement type, Framework framework,
      Function<Element, List<Policy>> policies) {
    List<FrameworkEndpoint.Handler> handlers = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      List<Route> routes = routesOf(method, type, framework);
      if (!routes.isEmpty()) {
        handlers.add(new FrameworkEndpoint.Handler(method, mappingOf(method, framework), routes, policies.apply(method)));
      }
    }
    return new FrameworkEndpoint(type, elements.getBinaryName(type).toString(), framework, policies.apply(type),
        policies.apply(elements.getPackageOf(type)), handlers);
  }

  /** The annotation that maps a handler method: its first request mapping or method designator. */
  private AnnotationMirror mappingOf(ExecutableElement method, Framework framework) {
    String target = framework == Framework.SPRING_MVC ? Names.SPRING_REQUEST_MAPPING : Names.JAXRS_HTTP_METHOD;
    List<List<AnnotationMirror>> chains = Meta.chains(method, target);
    return chains.isEmpty() ? null : chains.get(0).get(0);
  }

  /** Every route that leads to a method: none when it is not a handler method. */
  public List<Route> routesOf(ExecutableElement method, TypeElement owner, Framework framework) {
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return List.of();
    }
    List<Route> routes = new ArrayList<>();
    if (framework == Framework.SPRING_MVC) {
      List<List<AnnotationMirror>> chains = Meta.chains(method, Names.SPRING_REQUEST_MAPPING);
      if (chains.isEmpty()) {
        return List.of();
      }
      List<List<AnnotationMirror>> classChains = Meta.chains(owner, Names.SPRING_REQUEST_MAPPING);
      List<String> classPaths = classChains.isEmpty() ? List.of() : springPaths(classChains.get(0));
      List<String> paths = springPaths(chains.get(0));
      // Spring MVC combines the class's and the method's methods: either restricts.
      Set<String> methods = new LinkedHashSet<>(classChains.isEmpty() ? List.of() : springMethods(classChains.get(0)));
      methods.addAll(springMethods(chains.get(0)));
      if (methods.isEmpty()) {
        methods.add(Route.ANY_METHOD);
      }
      for (String classPath : classPaths.isEmpty() ? List.of("") : classPaths) {
        for (String path : paths.isEmpty() ? List.of("") : paths) {
          for (String m : methods) {
            routes.add(new Route(Framework.SPRING_MVC, m, "", Route.normalize(classPath), Route.normalize(path)));
          }
        }
      }
      return routes;
    }
    List<String> designators = designators(method);
    if (designators.isEmpty()) {
      return List.of();
    }
    String classPath = jaxRsPath(owner);
    String path = jaxRsPath(method);
    for (String m : designators) {
      routes.add(new Route(Framework.JAX_RS, m, applicationPath, Route.normalize(classPath), Route.normalize(path)));
    }
    return routes;
  }

  /** The HTTP methods of a JAX-RS method's designators ({@code @GET}: {@code GET}). */
  private static List<String> designators(ExecutableElement method) {
    List<String> methods = new ArrayList<>();
    for (List<AnnotationMirror> chain : Meta.chains(method, Names.JAXRS_HTTP_METHOD)) {
      if (chain.size() > 1) {
        methods.addAll(Meta.strings(chain.get(chain.size() - 1), "value"));
      }
    }
    return methods;
  }

  private static String jaxRsPath(Element element) {
    for (List<AnnotationMirror> chain : Meta.chains(element, Names.JAXRS_PATH)) {
      List<String> values = Meta.strings(chain.get(chain.size() - 1), "value");
      if (!values.isEmpty()) {
        return values.get(0);
      }
    }
    return "";
  }

  /**
   * The paths of a Spring MVC mapping, read from the annotation written (a composed {@code
   * @GetMapping("/x")} declares its own {@code path} and {@code value}) or, when it names none,
   * from the annotations it carries.
   */
  private static List<String> springPaths(List<AnnotationMirror> chain) {
    for (AnnotationMirror mirror : chain) {
      List<String> paths = new ArrayList<>(Meta.strings(mirror, "path"));
      paths.addAll(Meta.strings(mirror, "value"));
      if (!paths.isEmpty()) {
        return paths.stream().distinct().toList();
      }
    }
    return List.of();
  }

  /** The HTTP methods of a Spring MVC mapping: the first in the chain that names any. */
  private static List<String> springMethods(List<AnnotationMirror> chain) {
    for (AnnotationMirror mirror : chain) {
      List<String> methods = Meta.strings(mirror, "method");
      if (!methods.isEmpty()) {
        return methods;
      }
    }
    return List.of();
  }

  /** Whether the servlet or a superclass below HttpServlet declares the method's doXxx. */
  private boolean overrides(TypeElement servlet, HttpMethod method) {
    for (TypeElement t = servlet; t != null && !isHttpServletItself(t); t = superclassElement(t)) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals(method.servletMethod()) && isServiceSignature(m)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isServiceSignature(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC) || method.getParameters().size() != 2) {
      return false;
    }
    return isNamed(method.getParameters().get(0).asType(), Names.HTTP_SERVLET_REQUEST)
        && isNamed(method.getParameters().get(1).asType(), Names.HTTP_SERVLET_RESPONSE);
  }

  /**
   * Whether the servlet is a framework's front servlet (Spring MVC's {@code DispatcherServlet},
   * Jersey's {@code ServletContainer}, or a subclass), which a package default does not cover: the
   * runtime matches its requests against the framework's routes instead.
   */
  public boolean isFrameworkServlet(TypeElement type) {
    return extendsNamed(type, "org.springframework.web.servlet.FrameworkServlet")
        || extendsNamed(type, "org.glassfish.jersey.servlet.ServletContainer")
        || extendsNamed(type, "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher");
  }

  /** Whether the type is a subclass of {@code HttpServlet}. */
  public boolean isServlet(TypeElement type) {
    return extendsNamed(type, Names.HTTP_SERVLET);
  }

  private boolean extendsNamed(TypeElement type, String qualifiedName) {
    for (TypeElement t = type; t != null; t = superclassElement(t)) {
      if (t.getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHttpServletItself(TypeElement t) {
    return t.getQualifiedName().contentEquals(Names.HTTP_SERVLET);
  }

  private String describe(TypeElement type) {
    if (type == null) {
      return "no class";
    }
    String kind = switch (type.getKind()) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case RECORD -> "record";
      case ANNOTATION_TYPE -> "annotation type";
      default -> "class";
    };
    String notServlet = type.getKind() == ElementKind.CLASS && !isServlet(type) ? ", which is not an HttpServlet" : "";
    return kind + " " + type.getSimpleName() + notServlet;
  }

  private String fixFor(TypeElement type) {
    if (extendsNamed(type, Names.LEGACY_HTTP_SERVLET)) {
      return "Expiry serves Jakarta Servlet (jakarta.servlet) applications; migrate this javax.servlet"
          + " servlet to jakarta.servlet.http.HttpServlet";
    }
    if (elements.getTypeElement(Names.HTTP_SERVLET) == null) {
      return "jakarta.servlet.http.HttpServlet is not on the compile class path; add"
          + " jakarta.servlet:jakarta.servlet-api (scope provided) and " + SERVLET_FIX;
    }
    return SERVLET_FIX + "; or " + FRAMEWORK_FIX;
  }

  private static boolean isNamed(TypeMirror type, String qualifiedName) {
    return type instanceof DeclaredType d
        && d.asElement() instanceof TypeElement t
        && t.getQualifiedName().contentEquals(qualifiedName);
  }

  private TypeMirror superclassOf(TypeMirror type) {
    if (type instanceof DeclaredType d && d.asElement() instanceof TypeElement t) {
      return t.getSuperclass();
    }
    return types.getNoType(TypeKind.NONE);
  }

  private static TypeElement superclassElement(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass instanceof DeclaredType d && d.asElement() instanceof TypeElement t ? t : null;
  }

  private static TypeElement enclosingType(Element element) {
    for (Element e = element == null ? null : element.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement t) {
        return t;
      }
    }
    return null;
  }
}
