package dev.expiry.processor.read.servlet;

import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Level;
import dev.expiry.processor.model.ServletEndpoint;
import dev.expiry.processor.read.EndpointKind;
import dev.expiry.processor.read.Hierarchy;
import dev.expiry.processor.read.Levels;
import dev.expiry.processor.read.Meta;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Servlets: subclasses of {@code jakarta.servlet.http.HttpServlet}, and their {@code doXxx}
 * overrides. A policy on the class covers every HTTP method, one on {@code doGet} (and so on) that
 * method; HEAD follows GET unless {@code doHead} is overridden, as {@code HttpServlet} runs {@code
 * doGet} for it.
 */
public final class ServletKind implements EndpointKind {

  static final String HTTP_SERVLET = "jakarta.servlet.http.HttpServlet";
  private static final String LEGACY_HTTP_SERVLET = "javax.servlet.http.HttpServlet";
  private static final String HTTP_SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";
  private static final String HTTP_SERVLET_RESPONSE = "jakarta.servlet.http.HttpServletResponse";
  private static final String WEB_SERVLET = "jakarta.servlet.annotation.WebServlet";

  /** Framework front servlets: a package default does not cover them, their handlers have rows of their own. */
  private static final List<String> FRAMEWORK_SERVLETS = List.of(
      "org.springframework.web.servlet.FrameworkServlet",
      "org.glassfish.jersey.servlet.ServletContainer",
      "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher");

  private static final String FIX =
      "put it on a subclass of jakarta.servlet.http.HttpServlet (it covers every HTTP method) or on"
          + " one of its doGet, doHead, doPost, doPut, doDelete, doOptions, doTrace or doPatch"
          + " overrides (it covers that method)";

  private static final String ABSTRACT_FIX = "put it on each concrete servlet, or define it once as a"
      + " composed annotation (an annotation type carrying @ExpiryPolicy) and put that on each";

  private final Elements elements;
  private final Levels levels;

  public ServletKind(Elements elements, Levels levels) {
    this.elements = elements;
    this.levels = levels;
  }

  @Override
  public String noun() {
    return "an HttpServlet";
  }

  @Override
  public String howToApply() {
    if (elements.getTypeElement(HTTP_SERVLET) == null) {
      return "add jakarta.servlet:jakarta.servlet-api (scope provided), which is not on the compile class path,"
          + " and " + FIX;
    }
    return FIX;
  }

  @Override
  public Optional<Placement> placementOf(Element element) {
    if (element instanceof TypeElement type) {
      return placementOfClass(type);
    }
    if (element instanceof ExecutableElement method && method.getKind() == ElementKind.METHOD
        && method.getEnclosingElement() instanceof TypeElement owner && isServlet(owner)) {
      return Optional.of(placementOfMethod(method, owner));
    }
    return Optional.empty();
  }

  private Optional<Placement> placementOfClass(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS) {
      return Optional.empty();
    }
    if (isServlet(type)) {
      return Optional.of(type.getModifiers().contains(Modifier.ABSTRACT)
          ? new Placement.Unreachable("abstract servlet " + type.getSimpleName()
              + ", which no container instantiates (a policy is not inherited by subclasses)", ABSTRACT_FIX)
          : new Placement.ServletClass());
    }
    if (Hierarchy.extendsNamed(type, LEGACY_HTTP_SERVLET)) {
      return Optional.of(new Placement.Unreachable("class " + type.getSimpleName() + ", which is a javax.servlet"
          + " servlet", "Expiry serves Jakarta Servlet (jakarta.servlet) applications; migrate this javax.servlet"
          + " servlet to jakarta.servlet.http.HttpServlet"));
    }
    return Optional.empty();
  }

  private Placement placementOfMethod(ExecutableElement method, TypeElement owner) {
    Optional<HttpMethod> http = HttpMethod.ofServletMethod(method.getSimpleName().toString());
    if (http.isEmpty() || !isServiceSignature(method)) {
      return new Placement.Unreachable("method " + method.getSimpleName() + "() of servlet " + owner.getSimpleName()
          + ", which is not one of the doXxx(HttpServletRequest, HttpServletResponse) methods HttpServlet"
          + " dispatches to", FIX);
    }
    if (owner.getModifiers().contains(Modifier.ABSTRACT)) {
      return new Placement.Unreachable("method " + method.getSimpleName() + "() of abstract servlet "
          + owner.getSimpleName() + ", which no container instantiates (a policy is not inherited by"
          + " subclasses)", ABSTRACT_FIX);
    }
    return new Placement.ServletMethod(http.get());
  }

  /**
   * The servlet with what its class, its {@code doXxx} methods and its package say. A framework's
   * front servlet is an endpoint only with policies or an exemption of its own: the package's do not
   * cover it, since the framework's handlers have rows of their own.
   */
  @Override
  public Optional<Endpoint> endpointOf(TypeElement type) {
    if (!Hierarchy.isConcreteClass(type) || !isServlet(type)) {
      return Optional.empty();
    }
    Level classLevel = levels.of(type);
    Map<HttpMethod, Level> byMethod = new EnumMap<>(HttpMethod.class);
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (placementOfMethod(method, type) instanceof Placement.ServletMethod m) {
        Level own = levels.of(method);
        if (!own.isEmpty()) {
          byMethod.putIfAbsent(m.method(), own);
        }
      }
    }
    boolean frameworkServlet = isFrameworkServlet(type);
    if (frameworkServlet && classLevel.isEmpty() && byMethod.isEmpty()) {
      return Optional.empty();
    }
    Level packageLevel = frameworkServlet ? Level.NONE : levels.of(elements.getPackageOf(type));
    Map<HttpMethod, ExecutableElement> served = declaredServiceMethods(type);
    boolean headFollowsGet = byMethod.containsKey(HttpMethod.GET) && !byMethod.containsKey(HttpMethod.HEAD)
        && !served.containsKey(HttpMethod.HEAD);
    if (served.containsKey(HttpMethod.GET)) {
      served.putIfAbsent(HttpMethod.HEAD, served.get(HttpMethod.GET));
    }
    if (headFollowsGet) {
      byMethod.put(HttpMethod.HEAD, byMethod.get(HttpMethod.GET));
    }
    return Optional.of(new ServletEndpoint(type, elements.getBinaryName(type).toString(), classLevel, byMethod,
        packageLevel, headFollowsGet, served, webServletPaths(type)));
  }

  /** The paths of the servlet's {@code @WebServlet}: {@code value} and {@code urlPatterns}. */
  private static List<String> webServletPaths(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (Meta.isNamed(mirror, WEB_SERVLET)) {
        List<String> paths = new ArrayList<>(Meta.strings(mirror, "value"));
        paths.addAll(Meta.strings(mirror, "urlPatterns"));
        return paths;
      }
    }
    return List.of();
  }

  /**
   * The {@code doXxx} method the servlet runs for each HTTP method it overrides: its own, or a
   * superclass's below {@code HttpServlet}.
   */
  private static Map<HttpMethod, ExecutableElement> declaredServiceMethods(TypeElement servlet) {
    Map<HttpMethod, ExecutableElement> served = new EnumMap<>(HttpMethod.class);
    for (TypeElement t = servlet; t != null && !t.getQualifiedName().contentEquals(HTTP_SERVLET);
        t = Hierarchy.superclassOf(t).orElse(null)) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (isServiceSignature(m)) {
          HttpMethod.ofServletMethod(m.getSimpleName().toString()).ifPresent(h -> served.putIfAbsent(h, m));
        }
      }
    }
    return served;
  }

  private static boolean isServiceSignature(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC) || method.getParameters().size() != 2) {
      return false;
    }
    return isNamed(method.getParameters().get(0).asType(), HTTP_SERVLET_REQUEST)
        && isNamed(method.getParameters().get(1).asType(), HTTP_SERVLET_RESPONSE);
  }

  private static boolean isFrameworkServlet(TypeElement type) {
    return FRAMEWORK_SERVLETS.stream().anyMatch(name -> Hierarchy.extendsNamed(type, name));
  }

  private static boolean isServlet(TypeElement type) {
    return Hierarchy.extendsNamed(type, HTTP_SERVLET);
  }

  private static boolean isNamed(TypeMirror type, String qualifiedName) {
    return type instanceof DeclaredType d
        && d.asElement() instanceof TypeElement t
        && t.getQualifiedName().contentEquals(qualifiedName);
  }
}
