package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.expiry.processor.FrameworkStubs.web;
import static dev.expiry.processor.FrameworkStubs.with;
import static dev.expiry.processor.Sources.compile;
import static dev.expiry.processor.Sources.lineOf;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which handler methods a controller or resource has, as the framework finds them: its own,
 * inherited from superclasses, mapped on an interface; JAX-RS sub-resources; Spring's composed
 * mappings with {@code @AliasFor}. Each gets its row under the concrete class and the key of the
 * method reflection reports.
 */
class HandlerMethodsTest {

  private static final String POLICY = "@ExpiryPolicy(status = 401, scheme = \"MyAuthScheme\")";

  private static String answer(Compilation c, String endpoint, String key) {
    return Table.of(c, "test").answer("test." + endpoint, key, "SESSION", "API");
  }

  @Nested
  class SpringInheritance {
    @Test
    void aControllerHasTheHandlerMethodsOfItsAbstractSuperclass() {
      JavaFileObject base = web("Base", "public abstract class Base {",
          "  @ExpiryPolicy(status = 401, scheme = \"FromBase\")",
          "  @GetMapping(\"/{id}\") public String get(@PathVariable String id) { return id; }",
          "  @PostMapping(\"/{id}\") public String post(@PathVariable String id) { return id; }",
          "}");
      JavaFileObject orders = web("Orders", "@ExpiryPolicy(status = 401, scheme = \"FromOrders\")",
          "@RestController @RequestMapping(\"/orders\")", "public class Orders extends Base {}");
      Compilation c = compile(with(base, orders));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.Orders", "get(java.lang.String)", "SESSION", "API"))
          .isEqualTo("401 WWW-Authenticate: FromBase");
      assertThat(table.answer("test.Orders", "post(java.lang.String)", "SESSION", "API"))
          .isEqualTo("401 WWW-Authenticate: FromOrders");
      assertThat(table.source()).contains("# GET /orders/{id}\nhandler\ttest.Orders\tget(java.lang.String)\t");
      // The abstract base class gets no row of its own.
      assertThat(table.source()).doesNotContain("\ttest.Base\t");
    }

    @Test
    void anInterfacesMappingReachesTheMethodThatImplementsIt() {
      JavaFileObject api = web("OrdersApi", "@RequestMapping(\"/orders\")", "public interface OrdersApi {",
          "  @ExpiryPolicy(status = 401, scheme = \"FromInterface\")",
          "  @GetMapping(\"/{id}\") String get(@PathVariable String id);",
          "  @GetMapping(\"/{id}/lines\") String lines(@PathVariable String id);",
          "  @DeleteMapping(\"/{id}\") String delete(@PathVariable String id);",
          "}");
      JavaFileObject orders = web("Orders", "@RestController", "public class Orders implements OrdersApi {",
          "  @Override public String get(String id) { return id; }",
          "  @ExpiryPolicy(status = 401, scheme = \"FromOverride\")",
          "  @Override public String lines(String id) { return id; }",
          "  @Override public String delete(String id) { return id; }",
          "}");
      Compilation c = compile(with(api, orders));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.Orders", "get(java.lang.String)", "SESSION", "API"))
          .isEqualTo("401 WWW-Authenticate: FromInterface");
      assertThat(table.answer("test.Orders", "lines(java.lang.String)", "SESSION", "API"))
          .isEqualTo("401 WWW-Authenticate: FromOverride");
      assertThat(table.source()).contains("# GET /orders/{id}/lines\nhandler\ttest.Orders\tlines(java.lang.String)\t");
      assertThat(table.hasRow("test.Orders", "delete(java.lang.String)")).isFalse();
      assertThat(table.source()).doesNotContain("test.OrdersApi");
    }

    @Test
    void theKeyIsThatOfTheMethodReflectionReports() {
      JavaFileObject api = web("Api", "public interface Api<T> {",
          "  @GetMapping(\"/{id}\") String get(@PathVariable T id);", "}");
      JavaFileObject base = web("Base", "public abstract class Base<T extends Number> {",
          "  @PostMapping(\"/{id}\") public String post(@PathVariable T id) { return \"\"; }",
          "  @GetMapping(\"/default\") public String byDefault(java.util.List<T> ids) { return \"\"; }", "}");
      JavaFileObject orders = web("Orders", POLICY, "@RestController",
          "public class Orders extends Base<Long> implements Api<java.util.UUID> {",
          "  @Override public String get(java.util.UUID id) { return \"\"; }", "}");
      Compilation c = compile(with(api, base, orders));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      // The override, with its own parameter types; the inherited methods, as their class declares them.
      assertThat(table.hasRow("test.Orders", "get(java.util.UUID)")).isTrue();
      assertThat(table.hasRow("test.Orders", "post(java.lang.Number)")).isTrue();
      assertThat(table.hasRow("test.Orders", "byDefault(java.util.List)")).isTrue();
      assertThat(table.rows()).isEqualTo(3);
    }

    @Test
    void anInterfacesDefaultMethodIsAHandlerMethodOfTheController() {
      JavaFileObject api = web("Pinging", "public interface Pinging {",
          "  @ExpiryPolicy(status = 401, scheme = \"Ping\")",
          "  @GetMapping(\"/ping\") default String ping() { return \"pong\"; }", "}");
      JavaFileObject orders = web("Orders", "@RestController", "public class Orders implements Pinging {}");
      Compilation c = compile(with(api, orders));
      assertThat(c).succeededWithoutWarnings();
      assertThat(answer(c, "Orders", "ping()")).isEqualTo("401 WWW-Authenticate: Ping");
    }

    @Test
    void theOverridesOwnPolicyWinsOverTheOverriddenOnesPerExpiryAndClient() {
      JavaFileObject base = web("Base", "public abstract class Base {",
          "  @ExpiryPolicy(client = Client.API, status = 401, scheme = \"FromBase\")",
          "  @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 400, title = \"Form expired\")",
          "  @GetMapping(\"/x\") public String get() { return \"\"; }", "}");
      JavaFileObject orders = web("Orders", "@RestController", "public class Orders extends Base {",
          "  @ExpiryPolicy(status = 401, scheme = \"FromOverride\")",
          "  @Override public String get() { return \"\"; }", "}");
      Compilation c = compile(with(base, orders));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      // API: the override's ANY policy is on a more specific element than the base's API one.
      assertThat(table.answer("test.Orders", "get()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromOverride");
      assertThat(table.answer("test.Orders", "get()", "CSRF_TOKEN", "API")).isEqualTo("400");
    }

    @Test
    void classPoliciesOfTheConcreteClassComeFirstThenItsSupertypesThenItsPackage() {
      JavaFileObject pkg = JavaFileObjects.forSourceString("test.package-info",
          "@ExpiryPolicy(status = 401, scheme = \"FromPackage\")\npackage test;\nimport dev.expiry.ExpiryPolicy;\n");
      JavaFileObject otherPkg = JavaFileObjects.forSourceString("test.base.package-info",
          "@ExpiryPolicy(status = 401, scheme = \"FromBasePackage\")\npackage test.base;\nimport dev.expiry.ExpiryPolicy;\n");
      JavaFileObject base = JavaFileObjects.forSourceString("test.base.Base", String.join("\n",
          "package test.base;",
          "import dev.expiry.*;",
          "import org.springframework.web.bind.annotation.*;",
          "@ExpiryPolicy(client = Client.BROWSER, status = 303, location = \"/login\")",
          "public abstract class Base {",
          "  @GetMapping(\"/a\") public String a() { return \"\"; }",
          "}"));
      JavaFileObject withOwn = web("WithOwn", "@ExpiryPolicy(status = 401, scheme = \"FromClass\")",
          "@RestController @RequestMapping(\"/own\")", "public class WithOwn extends test.base.Base {}");
      JavaFileObject without = web("Without", "@RestController @RequestMapping(\"/without\")",
          "public class Without extends test.base.Base {}");
      JavaFileObject plain = web("Plain", "@RestController", "public class Plain {",
          "  @GetMapping(\"/p\") public String p() { return \"\"; }", "}");
      Compilation c = compile(with(pkg, otherPkg, base, withOwn, without, plain));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.WithOwn", "a()", "SESSION", "BROWSER")).isEqualTo("401 WWW-Authenticate: FromClass");
      assertThat(table.answer("test.Without", "a()", "SESSION", "BROWSER")).isEqualTo("303 Location: /login");
      assertThat(table.answer("test.Without", "a()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromPackage");
      assertThat(table.answer("test.Plain", "p()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromPackage");
      assertThat(c.generatedSourceFiles()).isEmpty();
      assertThat(Table.packages(c)).containsExactly("test"); // nothing for the abstract base's package
    }

    @Test
    void aSubclassOfAControllerIsAController() {
      JavaFileObject base = web("Base", "@RestController @RequestMapping(\"/base\")", "public abstract class Base {",
          "  @GetMapping(\"/x\") public String x() { return \"\"; }", "}");
      JavaFileObject orders = web("Orders", POLICY, "public class Orders extends Base {}");
      Compilation c = compile(with(base, orders));
      assertThat(c).succeededWithoutWarnings();
      assertThat(Table.of(c, "test").source()).contains("# GET /base/x\nhandler\ttest.Orders\tx()\t");
    }

    @Test
    void aConcreteClassThatAControllerExtendsIsABaseNotAMisplacedMapping() {
      JavaFileObject base = web("Base", "public class Base {",
          "  @ExpiryPolicy(status = 401, scheme = \"FromBase\")",
          "  @GetMapping(\"/x\") public String x() { return \"\"; }", "}");
      JavaFileObject orders = web("Orders", "@RestController", "public class Orders extends Base {}");
      Compilation c = compile(with(base, orders));
      assertThat(c).succeededWithoutWarnings();
      assertThat(answer(c, "Orders", "x()")).isEqualTo("401 WWW-Authenticate: FromBase");
    }

    @Test
    void aPolicyOnABaseMethodThatIsNoHandlerIsNotReached() {
      JavaFileObject base = web("Base", "@RequestMapping(\"/base\")", "public abstract class Base {",
          "  " + POLICY, "  public String helper() { return \"\"; }", "}");
      Compilation c = compile(with(base));
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on method helper() of abstract class Base, which"
          + " has no request mapping").inFile(base).onLine(lineOf(base, "@ExpiryPolicy"));
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void aPolicyOnAnInterfaceMethodWithoutMappingIsNotReachedEvenIfTheImplementationIsMapped() {
      JavaFileObject api = web("Api", "public interface Api {", "  " + POLICY, "  String get();",
          "  @GetMapping(\"/other\") String other();", "}");
      JavaFileObject orders = web("Orders", "@RestController", "public class Orders implements Api {",
          "  @GetMapping(\"/x\") @Override public String get() { return \"\"; }",
          "  @Override public String other() { return \"\"; }", "}");
      Compilation c = compile(with(api, orders));
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on method get() of interface Api, which has no"
          + " request mapping").inFile(api).onLine(lineOf(api, "@ExpiryPolicy"));
      assertThat(c).hadErrorCount(1);
    }
  }

  @Nested
  class JaxRsInheritance {
    @Test
    void aResourceClassTakesItsPathAndMethodsFromAnInterface() {
      JavaFileObject api = web("OrdersApi", "@Path(\"orders\")", "public interface OrdersApi {",
          "  @ExpiryPolicy(status = 401, scheme = \"FromInterface\")",
          "  @GET @Path(\"{id}\") String get(@PathParam(\"id\") String id);", "}");
      JavaFileObject orders = web("OrdersResource", "public class OrdersResource implements OrdersApi {",
          "  @Override public String get(String id) { return id; }", "}");
      Compilation c = compile(with(api, orders));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.OrdersResource", "get(java.lang.String)", "SESSION", "API"))
          .isEqualTo("401 WWW-Authenticate: FromInterface");
      assertThat(table.source()).contains("# GET /orders/{id}\nhandler\ttest.OrdersResource\tget(java.lang.String)\t");
    }

    @Test
    void aResourceHasTheResourceMethodsOfItsAbstractSuperclass() {
      JavaFileObject base = web("Base", "public abstract class Base<T> {",
          "  @ExpiryPolicy(status = 401, scheme = \"FromBase\")",
          "  @GET @Path(\"{id}\") public String get(@PathParam(\"id\") T id) { return \"\"; }",
          "  @DELETE @Path(\"{id}\") public String delete(@PathParam(\"id\") T id) { return \"\"; }", "}");
      JavaFileObject resource = web("R", "@ExpiryPolicy(status = 401, scheme = \"FromR\")", "@Path(\"/r\")",
          "public class R extends Base<String> {}");
      Compilation c = compile(with(base, resource));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.R", "get(java.lang.Object)", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromBase");
      assertThat(table.answer("test.R", "delete(java.lang.Object)", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromR");
      assertThat(table.source()).contains("# DELETE /r/{id}\nhandler\ttest.R\tdelete(java.lang.Object)\t");
      assertThat(table.source()).doesNotContain("\ttest.Base\t");
    }

    @Test
    void aMethodWithJaxRsAnnotationsOfItsOwnIgnoresThoseItOverrides() {
      // JAX-RS §3.6: the override's @Produces makes its annotations its own, and it has no designator.
      JavaFileObject base = web("Base", "@Path(\"/r\")", "public abstract class Base {",
          "  @GET public String get() { return \"\"; }",
          "  @GET @Path(\"other\") public String other() { return \"\"; }", "}");
      JavaFileObject resource = web("R", POLICY, "public class R extends Base {",
          "  @Produces(\"text/plain\") @Override public String get() { return \"\"; }",
          "  @Override public String other() { return \"\"; }", "}");
      Compilation c = compile(with(base, resource));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.hasRow("test.R", "get()")).isFalse();
      assertThat(table.source()).contains("# GET /r/other\nhandler\ttest.R\tother()\t");
    }

    @Test
    void theSuperclassComesBeforeAnInterface() {
      JavaFileObject api = web("Api", "public interface Api {", "  @POST @Path(\"from-interface\") String get();", "}");
      JavaFileObject base = web("Base", "public abstract class Base {",
          "  @GET @Path(\"from-superclass\") public abstract String get();", "}");
      JavaFileObject resource = web("R", POLICY, "@Path(\"/r\")", "public class R extends Base implements Api {",
          "  @Override public String get() { return \"\"; }", "}");
      Compilation c = compile(with(api, base, resource));
      assertThat(c).succeededWithoutWarnings();
      assertThat(Table.of(c, "test").source()).contains("# GET /r/from-superclass\nhandler\ttest.R\tget()\t");
    }

    @Test
    void onlyPublicMethodsAreResourceMethods() {
      JavaFileObject resource = web("R", "@Path(\"/r\")", "public class R {",
          "  " + POLICY, "  @GET String hidden() { return \"\"; }", "}");
      Compilation c = compile(with(resource));
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on method hidden() of resource R, which is not a"
          + " public instance method").inFile(resource).onLine(lineOf(resource, "@ExpiryPolicy"));
    }
  }

  @Nested
  class SubResources {
    private final JavaFileObject root = web("Orders", "@Path(\"/orders\")", "public class Orders {",
        "  @Path(\"{id}/items\") public Items items() { return new Items(); }", "}");

    @Test
    void aSubResourceHasRowsAndItsClassAndPackagePoliciesApply() {
      JavaFileObject pkg = JavaFileObjects.forSourceString("test.package-info",
          "@ExpiryPolicy(status = 401, scheme = \"FromPackage\")\npackage test;\nimport dev.expiry.ExpiryPolicy;\n");
      JavaFileObject items = web("Items", "@ExpiryPolicy(status = 401, scheme = \"FromItems\")", "public class Items {",
          "  @GET public String list() { return \"\"; }",
          "  @ExpiryPolicy(status = 401, scheme = \"FromMethod\")",
          "  @GET @Path(\"{n}\") public String get(@PathParam(\"n\") int n) { return \"\"; }", "}");
      JavaFileObject lines = web("Lines", "public class Lines {", "  @GET public String all() { return \"\"; }", "}");
      Compilation c = compile(with(pkg, root, items, lines));
      assertThat(c).succeededWithoutWarnings();
      Table table = Table.of(c, "test");
      assertThat(table.answer("test.Items", "list()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromItems");
      assertThat(table.answer("test.Items", "get(int)", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromMethod");
      assertThat(table.answer("test.Lines", "all()", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: FromPackage");
      assertThat(table.source()).contains("# GET …/{n}\nhandler\ttest.Items\tget(int)\t");
      assertThat(table.source()).contains("# GET …/\nhandler\ttest.Items\tlist()\t");
      // The locator is no handler method: Jersey reports the sub-resource's.
      assertThat(table.hasRow("test.Orders", "items()")).isFalse();
    }

    @Test
    void aPolicyOnTheLocatorIsNotReached() {
      JavaFileObject locator = web("Orders", "@Path(\"/orders\")", "public class Orders {",
          "  " + POLICY, "  @Path(\"{id}/items\") public Items items() { return new Items(); }", "}");
      JavaFileObject items = web("Items", "public class Items {", "  @GET public String list() { return \"\"; }", "}");
      Compilation c = compile(with(locator, items));
      assertThat(c).hadErrorContaining("[NotAnEndpoint] This policy is on method items() of resource Orders, a"
          + " sub-resource locator (JAX-RS dispatches to a resource method of the sub-resource it returns, never to"
          + " the locator), where no request can ever reach it, so it would never apply. To make it apply, put it on"
          + " the sub-resource class or on its resource methods.").inFile(locator).onLine(lineOf(locator, "@ExpiryPolicy"));
      assertThat(c).hadErrorCount(1);
    }
  }

  @Nested
  class ComposedMappings {
    /** {@code @GetJson("/x")}: GET, JSON, the path an explicit alias of {@code @RequestMapping}'s. */
    private final JavaFileObject getJson = web("GetJson",
        "@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE}) @Retention(RetentionPolicy.RUNTIME)",
        "@RequestMapping(method = RequestMethod.GET, produces = \"application/json\")",
        "public @interface GetJson {",
        "  @AliasFor(annotation = RequestMapping.class, attribute = \"path\") String[] value() default {};",
        "}");

    private Compilation compileController(JavaFileObject... annotations) {
      JavaFileObject[] sources = new JavaFileObject[annotations.length + 1];
      System.arraycopy(annotations, 0, sources, 0, annotations.length);
      sources[annotations.length] = web("C", POLICY, "@RestController @RequestMapping(\"/orders\")", "public class C {",
          "  @Mapped public String handle() { return \"\"; }", "}");
      return compile(with(sources));
    }

    private JavaFileObject mapped(String... lines) {
      String[] all = new String[lines.length + 1];
      all[0] = "@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)";
      System.arraycopy(lines, 0, all, 1, lines.length);
      return web("Mapped", all);
    }

    private String route(Compilation c) {
      assertThat(c).succeededWithoutWarnings();
      String source = Table.of(c, "test").source();
      int row = source.indexOf("\nhandler\ttest.C\thandle()\t");
      return source.substring(source.lastIndexOf("\n# ", row) + 3, row);
    }

    @Test
    void anExplicitAliasOverridesTheMetaAnnotationsAttribute() {
      JavaFileObject use = web("C", POLICY, "@RestController @RequestMapping(\"/orders\")", "public class C {",
          "  @GetJson(\"/{id}\") public String handle() { return \"\"; }", "}");
      Compilation c = compile(with(getJson, use));
      assertThat(route(c)).isEqualTo("GET /orders/{id}");
    }

    @Test
    void theMetaAnnotationsOwnValuesCountWhereNothingOverridesThem() {
      // produces = application/json comes from @RequestMapping on @GetJson: the same as an explicit one.
      JavaFileObject a = web("A", POLICY, "@RestController", "public class A {",
          "  @GetJson(\"/x\") public String handle() { return \"\"; }", "}");
      JavaFileObject b = web("B", "@ExpiryPolicy(status = 401, scheme = \"Bearer\", realm = \"api\")", "@RestController", "public class B {",
          "  @GetMapping(path = \"/x\", produces = \"application/json\") public String handle() { return \"\"; }", "}");
      JavaFileObject html = web("H", "@ExpiryPolicy(status = 401, scheme = \"Bearer\", realm = \"api\")", "@RestController",
          "public class H {", "  @GetMapping(path = \"/x\", produces = \"text/html\") public String handle() { return \"\"; }", "}");
      Compilation c = compile(with(getJson, a, b, html));
      assertThat(c).hadErrorContaining("[RouteConflict] The route GET /x of B.handle() is also the route GET /x of"
          + " A.handle(), with the same produces = [application/json]");
      assertThat(c).hadErrorCount(1);
    }

    @Test
    void anAttributeOnlyNamedLikeTheMetaAnnotationsOverridesNothing() {
      // Convention-based overrides: deprecated in Spring 6.0, removed in 7.0.
      Compilation c = compileController(mapped("@RequestMapping(method = RequestMethod.GET)",
          "public @interface Mapped { String[] path() default {\"/ignored\"}; String[] value() default {\"/ignored\"}; }"));
      assertThat(route(c)).isEqualTo("GET /orders");
    }

    @Test
    void anOmittedAttributeNameMeansTheSameName() {
      Compilation c = compileController(mapped("@RequestMapping(method = RequestMethod.PUT)",
          "public @interface Mapped { @AliasFor(annotation = RequestMapping.class) String[] path() default {\"/put\"}; }"));
      assertThat(route(c)).isEqualTo("PUT /orders/put");
    }

    @Test
    void anAliasAtItsDefaultStillOverridesTheMetaAnnotationsValue() {
      Compilation c = compileController(mapped("@RequestMapping(path = \"/meta\", method = RequestMethod.GET)",
          "public @interface Mapped { @AliasFor(annotation = RequestMapping.class) String[] path() default {}; }"));
      assertThat(route(c)).isEqualTo("GET /orders");
    }

    @Test
    void implicitAliasesOfOneAttributeTakeTheOneThatIsSet() {
      JavaFileObject twoNames = web("Find", "@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)",
          "@RequestMapping(method = RequestMethod.GET)", "public @interface Find {",
          "  @AliasFor(annotation = RequestMapping.class, attribute = \"path\") String[] at() default {};",
          "  @AliasFor(annotation = RequestMapping.class, attribute = \"path\") String[] where() default {};", "}");
      JavaFileObject use = web("C", POLICY, "@RestController", "public class C {",
          "  @Find(where = \"/found\") public String handle() { return \"\"; }", "}");
      assertThat(route(compile(with(twoNames, use)))).isEqualTo("GET /found");
    }

    @Test
    void aliasesChainThroughComposedAnnotationsAndTheNearestOverrideWins() {
      // @Mapped -> @GetJson(value = "/from-mapped") -> @RequestMapping(path from @GetJson.value)
      Compilation c = compileController(getJson, mapped("@GetJson(\"/from-mapped\")", "public @interface Mapped {}"));
      assertThat(route(c)).isEqualTo("GET /orders/from-mapped");

      JavaFileObject transitive = mapped("@GetJson", "public @interface Mapped {",
          "  @AliasFor(annotation = GetJson.class, attribute = \"value\") String[] to() default {\"/transitive\"};", "}");
      assertThat(route(compileController(getJson, transitive))).isEqualTo("GET /orders/transitive");
    }

    @Test
    void aDirectRequestMappingWinsOverAComposedOneOnTheSameMethod() {
      JavaFileObject use = web("C", POLICY, "@RestController", "public class C {",
          "  @GetJson(\"/composed\") @RequestMapping(path = \"/direct\", method = RequestMethod.POST)"
              + " public String handle() { return \"\"; }", "}");
      assertThat(route(compile(with(getJson, use)))).isEqualTo("POST /direct");
    }
  }
}
