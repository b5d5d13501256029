package dev.expiry.processor.write;

import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.FrameworkEndpoint;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.model.Route;
import dev.expiry.processor.model.ServletEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns endpoints into the rows of their package's table: one per servlet method with answers of
 * its own (and one for all others), one per framework handler method; rows that answer nothing
 * are left out. The precedence (method, class, package; exact kind before {@code ANY}) is decided
 * here, so the run time only looks up.
 */
public final class Rows {

  private final Elements elements;
  private final Types types;

  public Rows(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The rows of an endpoint. */
  public List<Row> of(Endpoint endpoint) {
    return endpoint instanceof ServletEndpoint servlet ? of(servlet) : of((FrameworkEndpoint) endpoint);
  }

  /** The rows of a servlet. */
  public List<Row> of(ServletEndpoint endpoint) {
    List<Row> rows = new ArrayList<>();
    add(rows, endpoint.binaryName(), true, "*", "every method without its own policy",
        (on, kind) -> endpoint.resolve(null, on, kind));
    for (HttpMethod method : endpoint.methodPolicies().keySet()) {
      boolean headAsGet = method == HttpMethod.HEAD && endpoint.headFollowsGet();
      add(rows, endpoint.binaryName(), true, method.name(), headAsGet ? "HEAD, as doGet()" : method.servletMethod() + "()",
          (on, kind) -> endpoint.resolve(method, on, kind));
    }
    return rows;
  }

  /** The rows of a controller or resource: one per handler method that any policy covers. */
  public List<Row> of(FrameworkEndpoint endpoint) {
    List<Row> rows = new ArrayList<>();
    for (FrameworkEndpoint.Handler handler : endpoint.handlers()) {
      String routes = handler.routes().stream().map(Route::describe).collect(Collectors.joining(", "));
      add(rows, endpoint.binaryName(), false, methodKey(handler.method()), routes,
          (on, kind) -> endpoint.resolve(handler, on, kind));
    }
    return rows;
  }

  private static void add(List<Row> rows, String endpoint, boolean servlet, String key, String comment,
      BiFunction<Expired, Client, Optional<Policy>> resolve) {
    Answer[] answers = new Answer[Row.SLOTS];
    for (Expired on : Expired.values()) {
      for (Client kind : Client.KINDS) {
        answers[Row.slot(on, kind)] = resolve.apply(on, kind).map(Answer::of).orElse(null);
      }
    }
    Row row = new Row(endpoint, servlet, key, comment, Arrays.asList(answers));
    if (!row.isEmpty()) {
      rows.add(row);
    }
  }

  /**
   * The key the runtime finds a handler method by: its name and the binary names of its parameter
   * types' erasures, {@code get(java.lang.String,long[])}, as {@code java.lang.reflect} names them.
   */
  public String methodKey(ExecutableElement method) {
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
