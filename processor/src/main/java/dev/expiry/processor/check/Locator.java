package dev.expiry.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds the source of an annotation, or of one of its values, where javac's {@code Messager}
 * cannot: inside a container that javac synthesized for a repeated annotation. Uses the compiler
 * tree API when the compiler offers it, and nothing otherwise.
 */
final class Locator {

  /** A tree and the file it is in. */
  record Position(Tree tree, CompilationUnitTree file) {}

  private final Trees trees;

  private Locator(Trees trees) {
    this.trees = trees;
  }

  /** A locator for javac, or one that finds nothing under another compiler. */
  static Locator of(ProcessingEnvironment env) {
    try {
      return new Locator(Trees.instance(env));
    } catch (RuntimeException | LinkageError e) {
      return new Locator(null);
    }
  }

  void print(javax.tools.Diagnostic.Kind kind, String message, Position where) {
    trees.printMessage(kind, message, where.tree(), where.file());
  }

  /**
   * The source of {@code target} (or of {@code value} within it) on {@code element}, when {@code
   * target} sits inside a repeated annotation's container.
   */
  Optional<Position> locate(Element element, AnnotationMirror target, AnnotationValue value) {
    if (trees == null || target == null) {
      return Optional.empty();
    }
    TreePath path = trees.getPath(element);
    ModifiersTree modifiers = path == null ? null : modifiersOf(path.getLeaf());
    if (modifiers == null) {
      return Optional.empty();
    }
    List<? extends AnnotationTree> written = modifiers.getAnnotations();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      List<AnnotationTree> sources = sourcesOf(mirror, written);
      List<AnnotationMirror> mirrors = sources.size() == 1 && named(sources.get(0), mirror)
          ? List.of(mirror) : repeated(mirror);
      for (int i = 0; i < mirrors.size() && i < sources.size(); i++) {
        Optional<Tree> found = find(mirrors.get(i), sources.get(i), target, value, false);
        if (found.isPresent()) {
          return Optional.of(new Position(found.get(), path.getCompilationUnit()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The annotations written for a mirror: the one of its type, or, for a container javac
   * synthesized, the repeated annotations it holds, in source order.
   */
  private static List<AnnotationTree> sourcesOf(AnnotationMirror mirror, List<? extends AnnotationTree> written) {
    List<AnnotationTree> own = new ArrayList<>();
    for (AnnotationTree tree : written) {
      if (named(tree, mirror)) {
        own.add(tree);
      }
    }
    if (!own.isEmpty()) {
      return own;
    }
    List<AnnotationMirror> repeated = repeated(mirror);
    List<AnnotationTree> sources = new ArrayList<>();
    if (!repeated.isEmpty()) {
      for (AnnotationTree tree : written) {
        if (named(tree, repeated.get(0))) {
          sources.add(tree);
        }
      }
    }
    return sources;
  }

  /** The annotations in a container's {@code value}, or none. */
  private static List<AnnotationMirror> repeated(AnnotationMirror container) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : container.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value") && e.getValue().getValue() instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof AnnotationValue v && v.getValue() instanceof AnnotationMirror m) {
            found.add(m);
          }
        }
      }
    }
    return found;
  }

  /**
   * Walks a mirror and its source side by side. Once inside {@code target}, returns the tree of
   * {@code value} (or of the target itself when {@code value} is null).
   */
  private static Optional<Tree> find(
      AnnotationMirror mirror, AnnotationTree tree, AnnotationMirror target, AnnotationValue value, boolean inside) {
    boolean in = inside || mirror == target;
    if (in && mirror == target && value == null) {
      return Optional.of(tree);
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      ExpressionTree expression = argument(tree, e.getKey().getSimpleName().toString());
      if (expression == null) {
        continue;
      }
      Optional<Tree> found = findValue(e.getValue(), expression, target, value, in);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Tree> findValue(
      AnnotationValue v, ExpressionTree expression, AnnotationMirror target, AnnotationValue value, boolean in) {
    if (in && v == value) {
      return Optional.of(expression);
    }
    if (v.getValue() instanceof AnnotationMirror nested && expression instanceof AnnotationTree nestedTree) {
      return find(nested, nestedTree, target, value, in);
    }
    if (v.getValue() instanceof List<?> items) {
      List<? extends ExpressionTree> sources = expression instanceof NewArrayTree array
          ? array.getInitializers() : List.of(expression);
      for (int i = 0; sources != null && i < items.size() && i < sources.size(); i++) {
        if (items.get(i) instanceof AnnotationValue item) {
          Optional<Tree> found = findValue(item, sources.get(i), target, value, in);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The expression written for an attribute: {@code name = expr}, or the lone {@code value}. */
  private static ExpressionTree argument(AnnotationTree tree, String name) {
    for (ExpressionTree argument : tree.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree id
          && id.getName().contentEquals(name)) {
        return assignment.getExpression();
      }
      if (!(argument instanceof AssignmentTree) && name.equals("value")) {
        return argument;
      }
    }
    return null;
  }

  private static boolean named(AnnotationTree tree, AnnotationMirror mirror) {
    Tree type = tree.getAnnotationType();
    String simple = type instanceof MemberSelectTree select ? select.getIdentifier().toString() : type.toString();
    return mirror.getAnnotationType().asElement().getSimpleName().contentEquals(simple);
  }

  private static ModifiersTree modifiersOf(Tree tree) {
    if (tree instanceof ClassTree c) {
      return c.getModifiers();
    }
    if (tree instanceof MethodTree m) {
      return m.getModifiers();
    }
    return null;
  }
}
