package dev.expiry.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.read.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes a package's table: one class that lists every endpoint of the package with the answers it
 * gets. Its size follows what differs — each distinct answer and each distinct combination of
 * answers once, then one line per endpoint — not the number of endpoints. Output is stable: rows
 * sorted, constants numbered in order of first use, no timestamps.
 *
 * <p>A package too large for one class file is split over several classes of at most {@link
 * #ROWS_PER_CLASS} rows (all rows of one endpoint class stay in one), and each method holds at most
 * {@link #STATEMENTS_PER_METHOD} statements, so no class-file limit (64 KiB of code per method,
 * 65,535 constants per class) is reached at any size.
 */
public final class TableWriter {

  /** The suffix of every generated table class. */
  public static final String SUFFIX = "_ExpiryPolicies";

  static final int ROWS_PER_CLASS = 2_000;
  static final int STATEMENTS_PER_METHOD = 400;

  static final ClassName HANDLER = ClassName.bestGuess(Names.EXPIRY_HANDLER);
  static final ClassName POLICIES = HANDLER.nestedClass("Policies");
  static final ClassName RESPONSE = HANDLER.nestedClass("Response");
  static final ClassName ANSWERS = HANDLER.nestedClass("Answers");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final String generator;
  /** The names of the table classes written so far, by package, so that no two are the same. */
  private final Map<String, NameAllocator> classNames = new HashMap<>();
  /** How many tables each package has had (one, unless a later round adds endpoints to it). */
  private final Map<String, Integer> tables = new HashMap<>();

  public TableWriter(String generator) {
    this.generator = generator;
  }

  /**
   * The classes of one package's table, named after its first endpoint class: {@code
   * AccountServlet_ExpiryPolicies}, then {@code AccountServlet_ExpiryPolicies2}, ... for a package
   * split over several; a package's table written in a later round adds {@code _2}.
   *
   * @param packageName the package
   * @param firstEndpoint the binary name of the package's first endpoint class
   * @param rows the rows, in any order
   * @param originating the elements the rows come from (every endpoint of the package)
   */
  public List<JavaFile> write(String packageName, String firstEndpoint, List<Row> rows,
      List<? extends Element> originating) {
    NameAllocator names = classNames.computeIfAbsent(packageName, p -> new NameAllocator());
    int earlier = tables.merge(packageName, 1, Integer::sum) - 1;
    String baseName = firstEndpoint.substring(firstEndpoint.lastIndexOf('.') + 1).replace('$', '_') + SUFFIX
        + (earlier == 0 ? "" : "_" + (earlier + 1));
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::endpoint).thenComparing(r -> !r.key().equals("*")).thenComparing(Row::key));
    List<JavaFile> files = new ArrayList<>();
    int from = 0;
    while (from < sorted.size()) {
      int to = Math.min(from + ROWS_PER_CLASS, sorted.size());
      while (to < sorted.size() && sorted.get(to).endpoint().equals(sorted.get(to - 1).endpoint())) {
        to++; // one endpoint's rows stay together
      }
      String name = names.newName(files.isEmpty() ? baseName : baseName + (files.size() + 1));
      files.add(writeClass(ClassName.get(packageName, name), packageName, sorted.subList(from, to), originating));
      from = to;
    }
    return files;
  }

  private JavaFile writeClass(ClassName name, String packageName, List<Row> rows, List<? extends Element> originating) {
    // Each distinct answer once, then each distinct combination of answers once, in order of first use.
    Map<Answer, Integer> answers = new LinkedHashMap<>();
    Map<List<Answer>, Integer> combinations = new LinkedHashMap<>();
    for (Row row : rows) {
      for (Answer a : row.answers()) {
        if (a != null) {
          answers.putIfAbsent(a, answers.size());
        }
      }
      combinations.putIfAbsent(trimmed(row.answers()), combinations.size());
    }

    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addJavadoc("The expiry policies of the endpoints in {@code $L} compiled together, rendered at compile\n"
            + "time: each distinct response once, each combination of responses an endpoint gets once, then\n"
            + "one line per endpoint.\n", packageName.isEmpty() ? "the unnamed package" : packageName)
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generator).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(HANDLER);
    originating.forEach(type::addOriginatingElement);

    // Header values as constants, named after what they are.
    NameAllocator constants = new NameAllocator();
    Map<Answer, String[]> headerConstants = new LinkedHashMap<>();
    answers.forEach((answer, index) -> {
      String[] names = new String[2];
      if (!answer.challenge().isEmpty()) {
        names[0] = constants.newName(constantName(answer.challenge().split(" ", 2)[0]) + "_CHALLENGE");
        type.addField(FieldSpec.builder(String.class, names[0], Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The $L challenge of response $L.\n", answer.challengeHeader(), index)
            .initializer("$S", answer.challenge()).build());
      }
      if (!answer.location().isEmpty()) {
        names[1] = constants.newName("LOCATION");
        type.addField(FieldSpec.builder(String.class, names[1], Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The Location of response $L.\n", index)
            .initializer("$S", answer.location()).build());
      }
      headerConstants.put(answer, names);
    });

    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
        .addModifiers(Modifier.PUBLIC).build());

    ArrayTypeName responseArray = ArrayTypeName.of(RESPONSE);
    ArrayTypeName answersArray = ArrayTypeName.of(ANSWERS);

    List<CodeBlock> responseStatements = new ArrayList<>();
    answers.forEach((answer, index) -> responseStatements.add(declareResponse(answer, index, headerConstants.get(answer))));
    List<CodeBlock> answerStatements = new ArrayList<>();
    combinations.forEach((combination, index) -> answerStatements.add(declareAnswers(combination, index, answers)));
    List<CodeBlock> rowStatements = new ArrayList<>();
    for (Row row : rows) {
      rowStatements.add(CodeBlock.builder()
          .add("// $L\n", row.comment())
          .addStatement("policies.$L($S, $L, a[$L])", row.servlet() ? "servlet" : "handler", row.endpoint(),
              row.servlet() && row.key().equals("*") ? CodeBlock.of("$T.ANY_METHOD", POLICIES) : CodeBlock.of("$S", row.key()),
              combinations.get(trimmed(row.answers())))
          .build());
    }

    TypeSpec.Builder helpers = TypeSpec.classBuilder("helpers");
    NameAllocator methods = new NameAllocator();
    methods.newName("declare");
    CodeBlock.Builder declare = CodeBlock.builder()
        .addStatement("$T r = new $T[$L]", responseArray, RESPONSE, answers.size())
        .add(calls(helpers, methods, "responses", responseStatements, "policies, r",
            "Each distinct response, rendered."))
        .addStatement("$T a = new $T[$L]", answersArray, ANSWERS, combinations.size())
        .add(calls(helpers, methods, "answers", answerStatements, "policies, r, a",
            "Each distinct combination of responses: per expiry, the browser's, then the API client's."))
        .add(calls(helpers, methods, "endpoints", rowStatements, "policies, a",
            "Each endpoint, with the combination it gets."));
    type.addMethod(MethodSpec.methodBuilder("declare")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(POLICIES, "policies")
        .addCode(declare.build())
        .build());
    type.addMethods(helpers.build().methodSpecs());
    return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /**
   * Adds private static methods holding the statements, at most {@link #STATEMENTS_PER_METHOD}
   * each, and returns the calls to them.
   */
  private static CodeBlock calls(TypeSpec.Builder type, NameAllocator methods, String name, List<CodeBlock> statements,
      String arguments, String javadoc) {
    CodeBlock.Builder calls = CodeBlock.builder();
    int parts = (statements.size() + STATEMENTS_PER_METHOD - 1) / STATEMENTS_PER_METHOD;
    for (int part = 0; part < parts; part++) {
      String method = methods.newName(parts == 1 ? name : name + (part + 1));
      MethodSpec.Builder m = MethodSpec.methodBuilder(method)
          .addJavadoc(javadoc + "\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(POLICIES, "policies");
      if (arguments.contains(" r")) {
        m.addParameter(ArrayTypeName.of(RESPONSE), "r");
      }
      if (arguments.contains(" a")) {
        m.addParameter(ArrayTypeName.of(ANSWERS), "a");
      }
      int end = Math.min(statements.size(), (part + 1) * STATEMENTS_PER_METHOD);
      statements.subList(part * STATEMENTS_PER_METHOD, end).forEach(m::addCode);
      type.addMethod(m.build());
      calls.addStatement("$L($L)", method, arguments);
    }
    return calls.build();
  }

  private static CodeBlock declareResponse(Answer answer, int index, String[] constants) {
    CodeBlock.Builder call = CodeBlock.builder()
        .add("r[$L] = policies.response($L, $S, $S, $S", index, answer.status(), answer.type(), answer.title(),
            answer.detail());
    if (constants[0] != null) {
      call.add(", $S, $L", answer.challengeHeader(), constants[0]);
    }
    if (constants[1] != null) {
      call.add(", $S, $L", "Location", constants[1]);
    }
    return CodeBlock.builder().addStatement(call.add(")").build()).build();
  }

  private static CodeBlock declareAnswers(List<Answer> combination, int index, Map<Answer, Integer> answers) {
    List<CodeBlock> slots = new ArrayList<>();
    for (Answer a : combination) {
      slots.add(a == null ? CodeBlock.of("null") : CodeBlock.of("r[$L]", answers.get(a)));
    }
    List<String> says = new ArrayList<>();
    for (Expired on : Expired.values()) {
      List<String> kinds = new ArrayList<>();
      for (Client kind : Client.KINDS) {
        int slot = Row.slot(on, kind);
        Answer a = slot < combination.size() ? combination.get(slot) : null;
        if (a != null) {
          kinds.add((kind == Client.API ? "API" : "browser") + " " + a.status());
        }
      }
      if (!kinds.isEmpty()) {
        String what = on.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("csrf", "CSRF");
        says.add(what + ": " + String.join(", ", kinds));
      }
    }
    return CodeBlock.builder()
        .add("// $L\n", String.join("; ", says))
        .addStatement("a[$L] = policies.answers($L)", index, CodeBlock.join(slots, ", "))
        .build();
  }

  /** The answers without trailing nulls, as the generated call passes them. */
  private static List<Answer> trimmed(List<Answer> answers) {
    int end = answers.size();
    while (end > 0 && answers.get(end - 1) == null) {
      end--;
    }
    return answers.subList(0, end);
  }

  /** {@code MyAuthScheme} becomes {@code MY_AUTH_SCHEME}. */
  private static String constantName(String scheme) {
    String s = scheme.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "SCHEME_" + s : s;
  }
}
