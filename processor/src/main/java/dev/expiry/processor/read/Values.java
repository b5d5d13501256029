package dev.expiry.processor.read;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** What javac made of annotation values it could not attribute. */
final class Values {

  /**
   * javac's classes for a value it reported an error in (a wrong type, a missing symbol, an
   * unresolved class literal). Their {@code getValue()} is the string {@code "<error>"}, which must
   * not be read as what the source says.
   */
  private static final List<String> ERROR_CLASSES = List.of(
      "com.sun.tools.javac.code.Attribute$Error", "com.sun.tools.javac.code.Attribute$UnresolvedClass");

  private Values() {}

  /** Whether javac reported an error in a value of the annotation, or of an annotation nested in it. */
  static boolean erroneous(AnnotationMirror mirror) {
    for (AnnotationValue value : mirror.getElementValues().values()) {
      if (erroneous(value)) {
        return true;
      }
    }
    return false;
  }

  static boolean erroneous(AnnotationValue value) {
    if (value == null || ERROR_CLASSES.contains(value.getClass().getName())) {
      return true;
    }
    Object v = value.getValue();
    if (v instanceof AnnotationMirror nested) {
      return erroneous(nested);
    }
    if (v instanceof List<?> items) {
      for (Object item : items) {
        if (!(item instanceof AnnotationValue i) || erroneous(i)) {
          return true;
        }
      }
    }
    return false;
  }
}
