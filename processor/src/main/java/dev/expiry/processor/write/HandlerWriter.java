package dev.expiry.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.Framework;
import dev.expiry.processor.model.FrameworkEndpoint;
import dev.expiry.processor.model.FrameworkEndpoint.Handler;
import dev.expiry.processor.model.Route;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.read.Names;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Writes one handler class per endpoint. Every header value is a constant rendered now, and the
 * table of which policy answers which method, expiry and kind of client is decided now, so that
 * the runtime only copies constants.
 */
public final class HandlerWriter {

  static final ClassName HANDLER = ClassName.bestGuess(Names.EXPIRY_HANDLER);
  static final ClassName POLICIES = HANDLER.nestedClass("Policies");
  static final ClassName RESPONSE = HANDLER.nestedClass("Response");
  static final ClassName ROUTE = HANDLER.nestedClass("Route");
  static final ClassName CLIENT = ClassName.bestGuess(Names.CLIENT);
  static final ClassName EXPIRED = ClassName.bestGuess(Names.EXPIRED);
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final Elements elements;
  private final String generator;

  public HandlerWriter(Elements elements, String generator) {
    this.elements = elements;
    this.generator = generator;
  }

  /** The handler's qualified name: {@code com.acme.Outer_Inner_ExpiryHandler}. */
  public ClassName handlerName(Endpoint endpoint) {
    return handlerName(endpoint.type());
  }

  /** The handler's qualified name for an endpoint class. */
  public ClassName handlerName(TypeElement endpointType) {
    String pkg = elements.getPackageOf(endpointType).getQualifiedName().toString();
    List<String> names = new ArrayList<>();
    for (Element e = endpointType; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      names.add(0, t.getSimpleName().toString());
    }
    return ClassName.get(pkg, String.join("_", names) + "_ExpiryHandler");
  }

  public JavaFile write(Endpoint endpoint) {
    ClassName name = handlerName(endpoint);
    TypeSpec.Builder type = header(name, endpoint.type(), endpoint.binaryName(), null);

    // Each distinct policy once, named after where it is written and what it answers.
    Map<Policy, String> names = new LinkedHashMap<>();
    endpoint.classPolicies().forEach(p -> name(names, p));
    endpoint.methodPolicies().values().forEach(ps -> ps.forEach(p -> name(names, p)));
    endpoint.packagePolicies().forEach(p -> name(names, p));
    names.keySet().removeIf(p -> !used(endpoint, p));

    CodeBlock.Builder body = CodeBlock.builder();
    names.forEach((policy, constant) -> {
      addConstants(type, policy, constant);
      body.addStatement(declareResponse(policy, constant));
    });
    answers(body, endpoint, null, names);
    for (HttpMethod method : endpoint.methodPolicies().keySet()) {
      answers(body, endpoint, method, names);
    }
    type.addMethod(MethodSpec.methodBuilder("declare")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(POLICIES, "policies")
        .addCode(body.build())
        .build());

    return JavaFile.builder(name.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** Whether the policy answers anything on the endpoint (a package policy may be all overridden). */
  private static boolean used(Endpoint endpoint, Policy policy) {
    List<HttpMethod> methods = new ArrayList<>(endpoint.methodPolicies().keySet());
    methods.add(null);
    for (HttpMethod method : methods) {
      for (Expired on : Expired.values()) {
        for (Client kind : Client.KINDS) {
          if (endpoint.resolve(method, on, kind).filter(p -> p.equals(policy)).isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Writes the handler of a Spring MVC controller or JAX-RS resource: its responses, and each
   * route of each handler method with the responses that answer on it. A handler method without
   * any policy still declares its routes, so that the run time ranks them.
   */
  public JavaFile write(FrameworkEndpoint endpoint) {
    ClassName name = handlerName(endpoint.type());
    TypeSpec.Builder type = header(name, endpoint.type(), endpoint.binaryName(), endpoint.framework().displayName()
        + " " + (endpoint.framework() == Framework.SPRING_MVC ? "controller" : "resource"));
    Map<Policy, String> names = new LinkedHashMap<>();
    Map<Handler, Map<Expired, Map<Client, Policy>>> answers = new LinkedHashMap<>();
    for (Handler handler : endpoint.handlers()) {
      Map<Expired, Map<Client, Policy>> byOn = new EnumMap<>(Expired.class);
      for (Expired on : Expired.values()) {
        for (Client kind : Client.KINDS) {
          endpoint.resolve(handler, on, kind).ifPresent(p -> {
            name(names, p);
            byOn.computeIfAbsent(on, o -> new LinkedHashMap<>()).put(kind, p);
          });
        }
      }
      answers.put(handler, byOn);
    }
    CodeBlock.Builder body = CodeBlock.builder();
    names.forEach((policy, constant) -> {
      addConstants(type, policy, constant);
      body.addStatement(declareResponse(policy, constant));
    });
    Map<String, Integer> taken = new HashMap<>();
    for (Handler handler : endpoint.handlers()) {
      Map<Expired, Map<Client, Policy>> byOn = answers.get(handler);
      for (Route route : handler.routes()) {
        body.add("// $L: $L\n", handler.method().getSimpleName() + "()", route.describe());
        CodeBlock declare = CodeBlock.of("policies.route($T.$L, $S, $S, $S)", POLICIES, endpoint.framework().constant(),
            route.method(), route.classTemplate(), route.methodTemplate());
        if (byOn.isEmpty()) {
          body.addStatement(declare);
          continue;
        }
        String base = handler.method().getSimpleName() + "Route";
        int n = taken.merge(base, 1, Integer::sum);
        String variable = n == 1 ? base : base + n;
        body.addStatement("$T $L = $L", ROUTE, variable, declare);
        byOn.forEach((on, byKind) -> byKind.forEach((kind, policy) -> body.addStatement(
            "policies.answer($L, $T.$L, $T.$L, $L)", variable, EXPIRED, on.name(), CLIENT, kind.name(),
            variable(names.get(policy)))));
      }
    }
    type.addMethod(MethodSpec.methodBuilder("declare")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(POLICIES, "policies")
        .addCode(body.build())
        .build());
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /** The class every handler starts with; {@code what} names the kind of endpoint, or is null. */
  private TypeSpec.Builder header(ClassName name, TypeElement origin, String binaryName, String what) {
    return TypeSpec.classBuilder(name)
        .addOriginatingElement(origin)
        .addJavadoc("The expiry policies of $L{@code $L}, rendered at compile time.\n",
            what == null ? "" : "the " + what + " ", binaryName)
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generator).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(HANDLER)
        .addField(FieldSpec.builder(String.class, "ENDPOINT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", binaryName).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
            .addModifiers(Modifier.PUBLIC).build())
        .addMethod(MethodSpec.methodBuilder("endpoint")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return ENDPOINT").build());
  }

  /** Names a policy once, with a name no other policy of the handler has. */
  private static void name(Map<Policy, String> names, Policy policy) {
    if (names.containsKey(policy)) {
      return;
    }
    String base = nameOf(policy);
    String name = base;
    // Unique as a constant prefix and as a variable: GET_2 and GET2 would both be get2Response.
    for (int n = 2; isTaken(names, name); n++) {
      name = base + "_" + n;
    }
    names.put(policy, name);
  }

  private static boolean isTaken(Map<Policy, String> names, String name) {
    String variable = variable(name);
    return names.values().stream().anyMatch(taken -> taken.equals(name) || variable(taken).equals(variable));
  }

  /** The row of the table for one method ({@code null}: every method without its own). */
  private static void answers(CodeBlock.Builder body, Endpoint endpoint, HttpMethod method, Map<Policy, String> names) {
    CodeBlock key = method == null ? CodeBlock.of("$T.ANY_METHOD", POLICIES) : CodeBlock.of("$S", method.name());
    for (Expired on : Expired.values()) {
      for (Client kind : Client.KINDS) {
        Optional<Policy> policy = endpoint.resolve(method, on, kind);
        policy.ifPresent(p -> body.addStatement("policies.answer($L, $T.$L, $T.$L, $L)",
            key, EXPIRED, on.name(), CLIENT, kind.name(), variable(names.get(p))));
      }
    }
  }

  /**
   * {@code CLASS}, {@code DO_POST_CSRF_TOKEN}, {@code CLASS_BROWSER}, {@code PACKAGE}, {@code
   * CLASS_API_SESSION_POLICY} (through a composed annotation): defaults left out.
   */
  private static String nameOf(Policy policy) {
    Element use = policy.useElement();
    StringBuilder name = new StringBuilder(use instanceof ExecutableElement method
        ? screaming(method.getSimpleName().toString())
        : use instanceof PackageElement ? "PACKAGE" : "CLASS");
    if (policy.isComposed()) {
      name.append('_').append(screaming(policy.useMirror().getAnnotationType().asElement().getSimpleName().toString()));
    }
    if (policy.on() != Expired.SESSION) {
      name.append('_').append(policy.on().name());
    }
    if (policy.client() != Client.ANY) {
      name.append('_').append(policy.client().name());
    }
    return name.toString();
  }

  private static String screaming(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** {@code DO_POST_CSRF_TOKEN} becomes {@code doPostCsrfTokenResponse}. */
  private static String variable(String constant) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.append("Response").toString();
  }

  private static void addConstants(TypeSpec.Builder type, Policy policy, String prefix) {
    Element use = policy.useElement();
    String where = use instanceof ExecutableElement ? use.getSimpleName() + "()"
        : use instanceof PackageElement ? "the package" : "the class";
    if (policy.isComposed()) {
      where += " through @" + policy.useMirror().getAnnotationType().asElement().getSimpleName();
    }
    if (policy.hasChallenge()) {
      type.addField(FieldSpec.builder(String.class, prefix + "_CHALLENGE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The $L challenge declared on $L.\n", policy.challengeHeader(), where)
          .initializer("$S", Challenges.render(policy)).build());
    }
    if (!policy.location().isEmpty()) {
      type.addField(FieldSpec.builder(String.class, prefix + "_LOCATION", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The Location declared on $L.\n", where)
          .initializer("$S", policy.location()).build());
    }
  }

  private static CodeBlock declareResponse(Policy policy, String prefix) {
    CodeBlock.Builder call = CodeBlock.builder()
        .add("$T $L = policies.response($L, $S, $S, $S", RESPONSE, variable(prefix), policy.status(),
            policy.type(), policy.effectiveTitle(), policy.effectiveDetail());
    if (policy.hasChallenge()) {
      call.add(", $S, $L_CHALLENGE", policy.challengeHeader(), prefix);
    }
    if (!policy.location().isEmpty()) {
      call.add(", $S, $L_LOCATION", "Location", prefix);
    }
    return call.add(")").build();
  }
}
