package dev.expiry.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.PackageTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Something javac has not resolved yet where a class is read: the type of an annotation (a policy,
 * a mapping, a composed annotation), a supertype, the type of a parameter. Usually one that another
 * processor generates in a later round; the class is read once it resolves.
 *
 * <p>javac leaves an annotation whose type it cannot resolve out of the element's mirrors, so
 * annotations are looked for in the source, through the compiler tree API where the compiler
 * offers it.
 *
 * @param element where it is written
 * @param name the type's name as written
 * @param annotation whether it is the type of an annotation
 * @param at where it is written in the source, or {@code null} when that is not known
 */
public record Unresolved(Element element, String name, boolean annotation, TreePath at) {

  /**
   * The first unresolved type the class depends on: on its package, on it, on its methods and
   * their parameters, in its supertypes, in what it inherits from the supertypes of this
   * compilation, and on the annotation types of this compilation used there.
   *
   * @param trees the compiler's trees, or {@code null} when the compiler offers none
   */
  public static Optional<Unresolved> in(TypeElement type, Elements elements, Trees trees) {
    return new Search(elements, trees).type(type);
  }

  private static final class Search {
    private final Elements elements;
    private final Trees trees;
    private final Set<Element> visited = new HashSet<>();

    Search(Elements elements, Trees trees) {
      this.elements = elements;
      this.trees = trees;
    }

    Optional<Unresolved> type(TypeElement type) {
      if (!visited.add(type)) {
        return Optional.empty();
      }
      Optional<Unresolved> found = annotations(elements.getPackageOf(type), path(elements.getPackageOf(type)));
      TreePath classPath = path(type);
      found = found.or(() -> annotations(type, classPath));
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        TreePath methodPath = memberPath(classPath, method);
        found = found.or(() -> annotations(method, methodPath));
        for (int i = 0; i < method.getParameters().size(); i++) {
          VariableElement p = method.getParameters().get(i);
          TreePath parameterPath = methodPath != null && methodPath.getLeaf() instanceof MethodTree m
              && i < m.getParameters().size() ? new TreePath(methodPath, m.getParameters().get(i)) : null;
          found = found.or(() -> annotations(p, parameterPath)).or(() -> erroneous(method, p.asType()));
        }
      }
      List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
      supertypes.add(0, type.getSuperclass());
      for (TypeMirror supertype : supertypes) {
        found = found.or(() -> erroneous(type, supertype)).or(() -> supertype instanceof DeclaredType d
            && d.asElement() instanceof TypeElement t && path(t) != null ? type(t) : Optional.empty());
      }
      return found;
    }

    private TreePath path(Element element) {
      return trees == null ? null : trees.getPath(element);
    }

    /** The path of a method's declaration within its class's, found without searching the file again. */
    private TreePath memberPath(TreePath classPath, ExecutableElement method) {
      if (classPath == null || !(classPath.getLeaf() instanceof ClassTree c)) {
        return null;
      }
      for (Tree member : c.getMembers()) {
        if (member instanceof MethodTree m && m.getName().contentEquals(method.getSimpleName())) {
          TreePath path = new TreePath(classPath, m);
          if (method.equals(trees.getElement(path))) {
            return path;
          }
        }
      }
      return null;
    }

    private static Optional<Unresolved> erroneous(Element where, TypeMirror type) {
      return type.getKind() == TypeKind.ERROR ? Optional.of(new Unresolved(where, type.toString(), false, null))
          : Optional.empty();
    }

    /**
     * An annotation written on the element whose type is not resolved, or whose type is an
     * annotation type of this compilation with such an annotation on it.
     */
    private Optional<Unresolved> annotations(Element element, TreePath path) {
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
          return Optional.of(new Unresolved(element, mirror.getAnnotationType().toString(), true, null));
        }
      }
      if (path == null) {
        return Optional.empty();
      }
      for (AnnotationTree written : annotationsOf(path.getLeaf())) {
        TreePath at = new TreePath(path, written);
        // Most annotations written are among the element's mirrors under the same simple name:
        // those resolved, and need no attribution of the tree (a repeated annotation's container,
        // a name javac could not resolve, go the long way).
        Element byName = mirrorNamed(element, written);
        TypeMirror type = byName != null ? byName.asType()
            : trees.getTypeMirror(new TreePath(at, written.getAnnotationType()));
        if (type == null || type.getKind() == TypeKind.ERROR) {
          return Optional.of(new Unresolved(element, written.getAnnotationType().toString(), true, at));
        }
        if (type instanceof DeclaredType d && visited.add(d.asElement())) {
          Optional<Unresolved> meta = annotations(d.asElement(), path(d.asElement()));
          if (meta.isPresent()) {
            return Optional.of(new Unresolved(element, meta.get().name(), true, at));
          }
        }
      }
      return Optional.empty();
    }

    /** The type of the element's annotation mirror whose simple name is the one written, if any. */
    private static Element mirrorNamed(Element element, AnnotationTree written) {
      String name = written.getAnnotationType().toString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        Element type = mirror.getAnnotationType().asElement();
        if (mirror.getAnnotationType().getKind() != TypeKind.ERROR && type.getSimpleName().contentEquals(simple)) {
          return type;
        }
      }
      return null;
    }

    private static List<? extends AnnotationTree> annotationsOf(Tree tree) {
      if (tree instanceof ClassTree c) {
        return c.getModifiers().getAnnotations();
      }
      if (tree instanceof MethodTree m) {
        return m.getModifiers().getAnnotations();
      }
      if (tree instanceof VariableTree v) {
        return v.getModifiers().getAnnotations();
      }
      if (tree instanceof PackageTree p) {
        return p.getAnnotations();
      }
      if (tree instanceof CompilationUnitTree u) {
        return u.getPackageAnnotations();
      }
      return List.of();
    }
  }
}
