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
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.read.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
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
    String pkg = elements.getPackageOf(endpoint.type()).getQualifiedName().toString();
    List<String> names = new ArrayList<>();
    for (Element e = endpoint.type(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
      names.add(0, t.getSimpleName().toString());
    }
    return ClassName.get(pkg, String.join("_", names) + "_ExpiryHandler");
  }

  public JavaFile write(Endpoint endpoint) {
    ClassName name = handlerName(endpoint);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addOriginatingElement(endpoint.type())
        .addJavadoc("The expiry policies of {@code $L}, rendered at compile time.\n", endpoint.binaryName())
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generator).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(HANDLER)
        .addField(FieldSpec.builder(String.class, "ENDPOINT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", endpoint.binaryName()).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
            .addModifiers(Modifier.PUBLIC).build())
        .addMethod(MethodSpec.methodBuilder("endpoint")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return ENDPOINT").build());

    // Each distinct policy once, named after where it is written and what it answers.
    Map<Policy, String> names = new LinkedHashMap<>();
    endpoint.classPolicies().forEach(p -> names.putIfAbsent(p, nameOf(p)));
    endpoint.methodPolicies().values().forEach(ps -> ps.forEach(p -> names.putIfAbsent(p, nameOf(p))));

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

  /** {@code CLASS}, {@code DO_POST_CSRF_TOKEN}, {@code CLASS_BROWSER}: defaults left out. */
  private static String nameOf(Policy policy) {
    StringBuilder name = new StringBuilder(policy.element() instanceof ExecutableElement method
        ? method.getSimpleName().toString().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
        : "CLASS");
    if (policy.on() != Expired.SESSION) {
      name.append('_').append(policy.on().name());
    }
    if (policy.client() != Client.ANY) {
      name.append('_').append(policy.client().name());
    }
    return name.toString();
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
    String where = policy.element() instanceof ExecutableElement ? policy.element().getSimpleName() + "()" : "the class";
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
