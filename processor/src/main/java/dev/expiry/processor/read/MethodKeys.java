package dev.expiry.processor.read;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The key the runtime finds a handler method by: its name and the binary names of its parameter
 * types' erasures, {@code get(java.lang.String,long[])}, as {@code java.lang.reflect} names them.
 */
public final class MethodKeys {

  private final Elements elements;
  private final Types types;

  public MethodKeys(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  public String of(ExecutableElement method) {
    StringBuilder key = new StringBuilder(method.getSimpleName()).append('(');
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        key.append(',');
      }
      key.append(typeName(types.erasure(parameters.get(i).asType())));
    }
    return key.append(')').toString();
  }

  private String typeName(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return typeName(array.getComponentType()) + "[]";
    }
    if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
      return elements.getBinaryName(element).toString();
    }
    return type.toString(); // a primitive
  }
}
