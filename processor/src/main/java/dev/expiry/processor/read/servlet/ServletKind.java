package dev.expiry.processor.read.servlet;

import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.ServletEndpoint;
import dev.expiry.processor.read.EndpointKind;
import dev.expiry.processor.read.Hierarchy;
import dev.expiry.processor.read.PolicyReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final PolicyReader policies;

  public ServletKind(Elements elements, PolicyReader policies) {
    this.elements = elements;
    this.policies = policies;
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
   * The servlet with the policies on its class and its {@code doXxx} methods, or, when it has none
   * of its own, its package's; a framework's front servlet gets no package default, since the
   * framework's handlers have rows of their own.
   */
  @Override
  public Optional<Endpoint> endpointOf(TypeElement type) {
    if (!Hierarchy.isConcreteClass(type) || !isServlet(type)) {
      return Optional.empty();
    }
    List<Policy> classPolicies = policies.read(type);
    Map<HttpMethod, List<Policy>> byMethod = new EnumMap<>(HttpMethod.class);
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (placementOfMethod(method, type) instanceof Placement.ServletMethod m) {
        List<Policy> own = policies.read(method);
        if (!own.isEmpty()) {
          byMethod.computeIfAbsent(m.method(), k -> new ArrayList<>()).addAll(own);
        }
      }
    }
    List<Policy> packagePolicies = policies.read(elements.getPackageOf(type));
    if (classPolicies.isEmpty() && byMethod.isEmpty() && (packagePolicies.isEmpty() || isFrameworkServlet(type))) {
      return Optional.empty();
    }
    boolean headFollowsGet = byMethod.containsKey(HttpMethod.GET) && !byMethod.containsKey(HttpMethod.HEAD)
        && !overrides(type, HttpMethod.HEAD);
    if (headFollowsGet) {
      byMethod.put(HttpMethod.HEAD, byMethod.get(HttpMethod.GET));
    }
    return Optional.of(new ServletEndpoint(type, elements.getBinaryName(type).toString(), classPolicies, byMethod,
        packagePolicies, headFollowsGet));
  }

  /** Whether the servlet or a superclass below HttpServlet declares the method's doXxx. */
  private static boolean overrides(TypeElement servlet, HttpMethod method) {
    for (TypeElement t = servlet; t != null && !t.getQualifiedName().contentEquals(HTTP_SERVLET);
        t = Hierarchy.superclassOf(t).orElse(null)) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals(method.servletMethod()) && isServiceSignature(m)) {
          return true;
        }
      }
    }
    return false;
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
