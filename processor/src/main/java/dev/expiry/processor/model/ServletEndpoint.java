package dev.expiry.processor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A concrete servlet class, and which policy answers each HTTP method, expiry and kind of client.
 *
 * @param type the servlet class
 * @param binaryName its name as a container reports it ({@code com.acme.Outer$Inner})
 * @param classLevel the policies on the class, covering every method without its own, and its
 *     exemption
 * @param methodLevels what each HTTP method with policies or an exemption of its own says (HEAD
 *     included when it follows GET)
 * @param packageLevel what the servlet's package says, which applies where neither the method nor
 *     the class has a policy or an exemption
 * @param headFollowsGet whether HEAD has GET's policies because the servlet does not override
 *     {@code doHead}, so that {@code HttpServlet} runs {@code doGet} for it
 * @param served the {@code doXxx} methods the servlet has, its own or a superclass's below {@code
 *     HttpServlet}, by HTTP method: what it serves beyond {@code HttpServlet}'s defaults
 * @param paths the URL patterns of its {@code @WebServlet}, empty when it is mapped elsewhere
 */
public record ServletEndpoint(
    TypeElement type, String binaryName, Level classLevel, Map<HttpMethod, Level> methodLevels,
    Level packageLevel, boolean headFollowsGet, Map<HttpMethod, ExecutableElement> served, List<String> paths)
    implements Endpoint {

  public ServletEndpoint {
    EnumMap<HttpMethod, Level> copy = new EnumMap<>(HttpMethod.class);
    copy.putAll(methodLevels);
    methodLevels = Collections.unmodifiableMap(copy);
    EnumMap<HttpMethod, ExecutableElement> servedCopy = new EnumMap<>(HttpMethod.class);
    servedCopy.putAll(served);
    served = Collections.unmodifiableMap(servedCopy);
    paths = List.copyOf(paths);
  }

  @Override
  public String frameworkId() {
    return "servlet";
  }

  /** Whether any policy applies on the servlet at all. */
  public boolean hasPolicies() {
    return !classLevel.policies().isEmpty() || !packageLevel.policies().isEmpty()
        || methodLevels.values().stream().anyMatch(l -> !l.policies().isEmpty());
  }

  /**
   * The policy that answers: the most specific element first (the method, the class, then the
   * package), and on each element a policy for the exact kind of client before one for {@code ANY};
   * an exempt element stops the search.
   *
   * @param method the HTTP method, or {@code null} for one with nothing of its own
   * @param on what expired
   * @param kind {@code BROWSER} or {@code API}
   */
  public Optional<Policy> resolve(HttpMethod method, Expired on, Client kind) {
    return Answering.search(levels(method), on, kind).asPolicy();
  }

  /** The search order for an HTTP method ({@code null}: one with nothing of its own). */
  public List<Level> levels(HttpMethod method) {
    Level own = method == null ? Level.NONE : methodLevels.getOrDefault(method, Level.NONE);
    return List.of(own, classLevel, packageLevel);
  }

  @Override
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    operations.add(new Operation("*", type, targets("*"), "every method without its own policy", levels(null)));
    for (HttpMethod method : methodLevels.keySet()) {
      operations.add(operation(method));
    }
    return operations;
  }

  private List<Operation.Target> targets(String method) {
    return paths.stream().map(p -> new Operation.Target(method, p)).toList();
  }

  /** Whether {@code HttpServlet} runs the servlet's {@code doGet} for HEAD: it does not override {@code doHead}. */
  private boolean headRunsDoGet() {
    ExecutableElement head = served.get(HttpMethod.HEAD);
    return head != null && head.equals(served.get(HttpMethod.GET));
  }

  private Operation operation(HttpMethod method) {
    boolean headAsGet = method == HttpMethod.HEAD && headRunsDoGet();
    ExecutableElement declared = served.get(headAsGet ? HttpMethod.GET : method);
    return new Operation(method.name(), declared != null ? declared : type, targets(method.name()),
        headAsGet ? "HEAD, as doGet()" : method.servletMethod() + "()", levels(method));
  }

  @Override
  public List<Operation> coverage() {
    List<Operation> counted = new ArrayList<>();
    for (HttpMethod method : served.keySet()) {
      if (method != HttpMethod.HEAD || !headRunsDoGet()) {
        counted.add(operation(method));
      }
    }
    return counted.isEmpty() ? operations().subList(0, 1) : counted;
  }
}
