package dev.expiry.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.HttpMethod;
import dev.expiry.processor.model.Policy;
import dev.expiry.processor.read.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Writes one handler class per endpoint: every status and header value a constant rendered now,
 * so that serving a policy at run time copies constants and nothing else.
 */
public final class HandlerWriter {

  static final ClassName HANDLER = ClassName.bestGuess(Names.EXPIRY_HANDLER);
  static final ClassName POLICIES = HANDLER.nestedClass("Policies");
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

    // One set of constants per distinct policy, named after where it is written.
    Map<Policy, String> prefixes = new LinkedHashMap<>();
    endpoint.classPolicy().ifPresent(p -> prefixes.put(p, "CLASS"));
    endpoint.byMethod().values().forEach(p -> prefixes.putIfAbsent(p, prefixOf(p)));
    prefixes.forEach((policy, prefix) -> addConstants(type, policy, prefix));

    CodeBlock.Builder body = CodeBlock.builder();
    endpoint.classPolicy().ifPresent(p -> body.addStatement(respond(CodeBlock.of("$T.ANY_METHOD", POLICIES), p, "CLASS")));
    endpoint.byMethod().forEach((method, p) ->
        body.addStatement(respond(CodeBlock.of("$S", method.name()), p, prefixes.get(p))));
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

  private static String prefixOf(Policy policy) {
    if (policy.element() instanceof ExecutableElement method) {
      // doGet -> DO_GET
      return method.getSimpleName().toString().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
    return "CLASS";
  }

  private static void addConstants(TypeSpec.Builder type, Policy policy, String prefix) {
    String where = prefix.equals("CLASS") ? "the class" : policy.element().getSimpleName() + "()";
    type.addField(FieldSpec.builder(int.class, prefix + "_STATUS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The status declared on $L.\n", where)
        .initializer("$L", policy.status()).build());
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

  private static CodeBlock respond(CodeBlock method, Policy policy, String prefix) {
    CodeBlock.Builder call = CodeBlock.builder().add("policies.respond($L, $L_STATUS", method, prefix);
    if (policy.hasChallenge()) {
      call.add(", $S, $L_CHALLENGE", policy.challengeHeader(), prefix);
    }
    if (!policy.location().isEmpty()) {
      call.add(", $S, $L_LOCATION", "Location", prefix);
    }
    return call.add(")").build();
  }
}
