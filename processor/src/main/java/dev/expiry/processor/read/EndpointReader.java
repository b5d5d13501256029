package dev.expiry.processor.read;

import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Declaration.Placement;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Policy;
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

  private final Elements elements;
  private final Types types;

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
        return new Placement.ServletClass();
      }
      return new Placement.Unreachable(describe(type), fixFor(type));
    }
    if (element instanceof ExecutableElement method && element.getKind() == ElementKind.METHOD) {
      TypeElement owner = enclosingType(method);
      Optional<HttpMethod> http = HttpMethod.ofServletMethod(method.getSimpleName().toString());
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
  public Endpoint endpointOf(TypeElement servlet, List<Declaration> declarations) {
    List<Policy> classPolicies = new ArrayList<>();
    Map<HttpMethod, List<Policy>> byMethod = new EnumMap<>(HttpMethod.class);
    for (Declaration d : declarations) {
      if (d.placement() instanceof Placement.ServletClass) {
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
    return new Endpoint(servlet, elements.getBinaryName(servlet).toString(), classPolicies, byMethod);
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

  private boolean isServlet(TypeElement type) {
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
    return SERVLET_FIX;
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
