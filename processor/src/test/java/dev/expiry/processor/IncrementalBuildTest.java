package dev.expiry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.Client;
import dev.expiry.Expired;
import dev.expiry.runtime.IndexProbe;
import dev.expiry.runtime.PolicyFileReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental builds as IDEs and Gradle run them: a full build writes {@code out/}; a later build
 * recompiles only some sources, with {@code out/} on the class path and as the output. Afterwards
 * the policy file, read by the runtime's own reader, must declare exactly what a clean build of the
 * same sources declares, and be the same bytes.
 */
class IncrementalBuildTest {

  static final String SHOP = "com.acme.shop";
  static final String ADMIN_PACKAGE = "com.acme.admin";
  static final String ACCOUNT = SHOP + ".AccountServlet";
  static final String ORDERS = SHOP + ".OrdersServlet";
  static final String PLAIN = SHOP + ".PlainServlet";
  static final String CART = SHOP + ".CartServlet";
  static final String FORM = SHOP + ".FormServlet";
  static final String HELPER = SHOP + ".Helper";
  static final String CONTROLLER = SHOP + ".OrdersController";
  static final String PACKAGE_INFO = SHOP + ".package-info";
  static final String COMPOSED = "com.acme.policy.ApiSessionPolicy";
  static final String ADMIN = ADMIN_PACKAGE + ".AdminServlet";

  /** The Spring MVC annotations, a library. */
  static final Path stubs = Project.frameworkStubs();

  @TempDir
  Path dir;

  /**
   * The package default, a class policy, a method policy, a composed policy, a nested servlet, a
   * controller, a suppressed warning and a suppressed error; and a second package.
   */
  static Project shop(Path root, Path... libraries) {
    Project p = new Project(root, concat(stubs, libraries));
    p.write(PACKAGE_INFO, """
        @ExpiryPolicy(status = 401, scheme = "Shop", realm = "shop")
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;
        """);
    p.write(ACCOUNT, account("account"));
    p.write(ORDERS, """
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;
        import jakarta.servlet.http.HttpServlet;
        import jakarta.servlet.http.HttpServletRequest;
        import jakarta.servlet.http.HttpServletResponse;

        public class OrdersServlet extends HttpServlet {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) {}

          @ExpiryPolicy(status = 401, scheme = "Bearer", realm = "orders")
          @Override
          protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
        }
        """);
    p.write(PLAIN, """
        package com.acme.shop;

        public class PlainServlet extends jakarta.servlet.http.HttpServlet {}
        """);
    p.write(CART, """
        package com.acme.shop;

        import com.acme.policy.ApiSessionPolicy;
        import dev.expiry.ExpiryPolicy;
        import jakarta.servlet.http.HttpServlet;

        @ApiSessionPolicy
        public class CartServlet extends HttpServlet {
          @ExpiryPolicy(status = 401, scheme = "Checkout", realm = "cart")
          public static class Checkout extends HttpServlet {}
        }
        """);
    p.write(FORM, """
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;

        /** Answers 403 on purpose, and says so where the rule would warn. */
        @SuppressWarnings("expiry:ForbiddenForExpiry")
        @ExpiryPolicy(status = 403, title = "Forbidden", detail = "Log in again")
        public class FormServlet extends jakarta.servlet.http.HttpServlet {}
        """);
    p.write(HELPER, """
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;

        /** Not an endpoint; the error is suppressed where it is written. */
        @SuppressWarnings("expiry:NotAnEndpoint")
        @ExpiryPolicy(status = 401, scheme = "Unused")
        public class Helper {}
        """);
    p.write(CONTROLLER, controller("api"));
    p.write(COMPOSED, """
        package com.acme.policy;

        import dev.expiry.Client;
        import dev.expiry.ExpiryPolicy;
        import java.lang.annotation.ElementType;
        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import java.lang.annotation.Target;

        @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
        @ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "cart")
        @Retention(RetentionPolicy.CLASS)
        @Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
        public @interface ApiSessionPolicy {}
        """);
    p.write(ADMIN, admin(true));
    return p;
  }

  static String account(String realm) {
    return """
        package com.acme.shop;

        import dev.expiry.Client;
        import dev.expiry.ExpiryPolicy;
        import jakarta.servlet.http.HttpServlet;

        @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
        @ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "%s")
        public class AccountServlet extends HttpServlet {}
        """.formatted(realm);
  }

  static String controller(String realm) {
    return """
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RequestMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        @RequestMapping("/api/orders")
        public class OrdersController {
          @GetMapping("/{id}")
          public String get(String id) {
            return id;
          }

          @ExpiryPolicy(status = 401, scheme = "Bearer", realm = "%s")
          @PostMapping("/{id}")
          public String update(String id) {
            return id;
          }
        }
        """.formatted(realm);
  }

  /** The admin servlet, with its policy or without. */
  static String admin(boolean withPolicy) {
    return """
        package com.acme.admin;

        %s
        public class AdminServlet extends jakarta.servlet.http.HttpServlet {}
        """.formatted(withPolicy ? "@dev.expiry.ExpiryPolicy(status = 401, scheme = \"Admin\", realm = \"admin\")" : "");
  }

  private static Path[] concat(Path first, Path... more) {
    List<Path> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(new Path[0]);
  }

  /**
   * Asserts that the project's policy file declares what a clean build of its current sources
   * (built apart, with the same libraries) declares, and is the same bytes; and its report too.
   */
  void assertLikeACleanBuild(Project p) {
    Project clean;
    try {
      clean = cleanBuildOf(p, Files.createTempDirectory(dir, "clean"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(declared(clean), declared(p));
    assertEquals(clean.policyFile().orElseThrow(), p.policyFile().orElseThrow(), "the policy file");
    assertEquals(clean.report(), p.report(), "the policy report");
  }

  /** A clean build of the project's current sources, built apart in {@code root}. */
  static Project cleanBuildOf(Project p, Path root) {
    Project clean = new Project(root, p.libraries.toArray(new Path[0]));
    for (String name : p.sources()) {
      try {
        clean.write(name, Files.readString(p.sourceOf(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    clean.buildAll().assertClean();
    return clean;
  }

  /** What every policy file the project's output and libraries hold declares, by endpoint. */
  static Map<String, String> declared(Project p) {
    return Declared.load(concat(p.out, p.libraries.toArray(new Path[0]))).byEndpoint();
  }

  @Test
  void aCleanBuildDeclaresEveryEndpointOnce() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    Map<String, String> all = declared(p);
    assertEquals(List.of(
        "handler com.acme.shop.OrdersController get(java.lang.String)",
        "handler com.acme.shop.OrdersController update(java.lang.String)",
        "servlet com.acme.admin.AdminServlet *",
        "servlet com.acme.shop.AccountServlet *",
        "servlet com.acme.shop.CartServlet *",
        "servlet com.acme.shop.CartServlet$Checkout *",
        "servlet com.acme.shop.FormServlet *",
        "servlet com.acme.shop.OrdersServlet *",
        "servlet com.acme.shop.OrdersServlet POST",
        "servlet com.acme.shop.PlainServlet *"), List.copyOf(all.keySet()));
    assertEquals("SESSION/BROWSER 401 WWW-Authenticate: Shop realm=\"shop\"; SESSION/API 401 WWW-Authenticate: Shop realm=\"shop\"",
        all.get("servlet " + PLAIN + " *"));
    assertEquals("SESSION/BROWSER 303 Location: /login; SESSION/API 401 WWW-Authenticate: MyAuthScheme realm=\"cart\"",
        all.get("servlet " + CART + " *"));
    // The package of the composed annotation has no endpoint, so no section.
    assertEquals(List.of(ADMIN_PACKAGE, SHOP), p.packages());
  }

  @Test
  void recompilingOneChangedSourceKeepsEveryEndpointOfItsPackage() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();
    Map<String, String> before = declared(p);

    p.write(ACCOUNT, account("account, renamed"));
    p.build(ACCOUNT).assertClean();

    Map<String, String> after = declared(p);
    assertEquals("401 WWW-Authenticate: MyAuthScheme realm=\"account, renamed\"",
        Declared.load(p.out).answer("servlet " + ACCOUNT + " *", Expired.SESSION, Client.API));
    assertEquals(before.keySet(), after.keySet());
    before.keySet().stream().filter(k -> !k.contains(ACCOUNT))
        .forEach(k -> assertEquals(before.get(k), after.get(k), k));
    assertLikeACleanBuild(p);
  }

  @Test
  void recompilingAControllerAndTheComposedPolicysUserKeepsThePackage() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    p.write(CONTROLLER, controller("api, renamed"));
    p.build(CONTROLLER, CART).assertClean();

    assertEquals("401 WWW-Authenticate: Bearer realm=\"api, renamed\"", Declared.load(p.out)
        .answer("handler " + CONTROLLER + " update(java.lang.String)", Expired.SESSION, Client.API));
    assertLikeACleanBuild(p);
  }

  @Test
  void recompilingOnlyThePackageDefaultReadsEveryEndpointOfThePackage() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    p.write(PACKAGE_INFO, """
        @ExpiryPolicy(status = 401, scheme = "Shop", realm = "shop, renamed")
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;
        """);
    // The package default is in every endpoint's answers: a build tool recompiles its users too, but
    // even alone it must leave a section that lists the whole package, with the new default.
    p.build(PACKAGE_INFO).assertClean();

    assertEquals("401 WWW-Authenticate: Shop realm=\"shop, renamed\"",
        Declared.load(p.out).answer("servlet " + PLAIN + " *", Expired.SESSION, Client.API));
    assertLikeACleanBuild(p);
  }

  @Test
  void aChangeInOnePackageLeavesAnotherPackagesSectionAsItWas() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();
    String admin = p.section(ADMIN_PACKAGE).source();

    p.write(ACCOUNT, account("account, renamed"));
    p.build(ACCOUNT).assertClean();

    assertEquals(admin, p.section(ADMIN_PACKAGE).source());
    assertEquals("401 WWW-Authenticate: Admin realm=\"admin\"",
        Declared.load(p.out).answer("servlet " + ADMIN + " *", Expired.SESSION, Client.API));

    // And the other way round: a build of the other package alone leaves this one's.
    String shop = p.section(SHOP).source();
    p.build(ADMIN).assertClean();
    assertEquals(shop, p.section(SHOP).source());
    assertLikeACleanBuild(p);
  }

  @Test
  void deletingAnEndpointAndRecompilingTheRestOfItsPackageRemovesItsLines() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    p.delete(PLAIN);
    p.build(p.sources().stream().filter(s -> s.startsWith(SHOP + ".")).toList()).assertClean();

    Map<String, String> after = declared(p);
    assertFalse(after.keySet().stream().anyMatch(k -> k.contains(PLAIN)), after.keySet().toString());
    assertLikeACleanBuild(p);
  }

  @Test
  void deletingTheEndpointThatSortsFirstLeavesNoStaleLine() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    p.delete(ACCOUNT);
    p.build(CART).assertClean(); // one source of the package; the others come from out/

    Map<String, String> after = declared(p);
    assertFalse(after.keySet().stream().anyMatch(k -> k.contains(ACCOUNT)), after.keySet().toString());
    assertLikeACleanBuild(p);
  }

  @Test
  void aNewEndpointThatSortsFirstComesFirstInItsSection() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    p.write(SHOP + ".AaaServlet", """
        package com.acme.shop;

        public class AaaServlet extends jakarta.servlet.http.HttpServlet {}
        """);
    p.build(SHOP + ".AaaServlet").assertClean();

    List<PolicyFileReading.Endpoint> endpoints = PolicyFileReading.read(p.policyFile().orElseThrow());
    assertEquals(ADMIN, endpoints.get(0).endpoint());
    assertEquals(SHOP + ".AaaServlet", endpoints.get(1).endpoint());
    assertLikeACleanBuild(p);
  }

  @Test
  void removingThePolicyOfAPackagesLastEndpointRemovesItsSection() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    p.write(ADMIN, admin(false));
    p.build(ADMIN).assertClean();

    assertEquals(List.of(SHOP), p.packages());
    assertNull(Declared.load(p.out).answer("servlet " + ADMIN + " *", Expired.SESSION, Client.API));
    assertLikeACleanBuild(p);
  }

  @Test
  void removingEveryPolicyOfTheCompilationLeavesAFileWithNoSection() throws IOException {
    Project p = new Project(dir.resolve("p"));
    p.write(ADMIN, admin(true));
    p.buildAll().assertClean();
    assertEquals(List.of(ADMIN_PACKAGE), p.packages());

    p.write(ADMIN, admin(false));
    p.build(ADMIN).assertClean();

    // The Filer cannot delete the file: what is left is one the runtime reads, with nothing in it.
    assertEquals(List.of(), PolicyFileReading.read(p.policyFile().orElseThrow()));
    assertEquals(List.of(), p.packages());
    assertEquals(Map.of(), declared(p));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {p.out.toUri().toURL()}, getClass().getClassLoader())) {
      IndexProbe index = IndexProbe.load(loader);
      assertEquals(0, index.servletCount());
      assertNull(index.servlet(ADMIN, "GET", Expired.SESSION, Client.API));
    }
  }

  @Test
  void endpointsOfAnotherJarInTheSamePackageStayInThatJarsFile() throws Exception {
    Project lib = new Project(dir.resolve("lib"), stubs);
    lib.write(SHOP + ".LegacyServlet", """
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;

        @ExpiryPolicy(status = 401, scheme = "Legacy", realm = "legacy")
        public class LegacyServlet extends jakarta.servlet.http.HttpServlet {}
        """);
    lib.write(SHOP + ".LegacyController", """
        package com.acme.shop;

        import dev.expiry.ExpiryPolicy;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class LegacyController {
          @ExpiryPolicy(status = 401, scheme = "Legacy", realm = "legacy api")
          @GetMapping("/legacy")
          public String get() {
            return "";
          }
        }
        """);
    lib.buildAll().assertClean();
    Path jar = lib.jar(dir.resolve("legacy.jar"));

    Project p = shop(dir.resolve("p"), jar);
    p.buildAll().assertClean();
    p.write(ACCOUNT, account("account, renamed"));
    p.build(ACCOUNT).assertClean();

    String file = p.policyFile().orElseThrow();
    assertFalse(file.contains("Legacy"), file);
    assertLikeACleanBuild(p);

    // At run time both jars' files are read, and each endpoint is declared by its own jar's file.
    Declared both = Declared.load(p.out, jar, stubs);
    assertEquals(2, both.files().size(), both.files().toString());
    Map<String, String> all = both.byEndpoint();
    assertEquals("401 WWW-Authenticate: Legacy realm=\"legacy\"",
        both.answer("servlet " + SHOP + ".LegacyServlet *", Expired.SESSION, Client.API));
    assertEquals("401 WWW-Authenticate: MyAuthScheme realm=\"account, renamed\"",
        both.answer("servlet " + ACCOUNT + " *", Expired.SESSION, Client.API));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {p.out.toUri().toURL(), jar.toUri().toURL(),
        stubs.toUri().toURL()}, getClass().getClassLoader())) {
      IndexProbe index = IndexProbe.load(loader);
      assertEquals("401 [WWW-Authenticate, Legacy realm=\"legacy\"]",
          index.servlet(SHOP + ".LegacyServlet", "GET", Expired.SESSION, Client.API));
      assertEquals("401 [WWW-Authenticate, MyAuthScheme realm=\"account, renamed\"]",
          index.servlet(ACCOUNT, "GET", Expired.SESSION, Client.API));
      Class<?> legacy = loader.loadClass(SHOP + ".LegacyController");
      assertEquals("401 [WWW-Authenticate, Legacy realm=\"legacy api\"]",
          index.handler(legacy, legacy.getMethod("get"), Expired.SESSION, Client.API));
      Class<?> orders = loader.loadClass(CONTROLLER);
      assertEquals("401 [WWW-Authenticate, Shop realm=\"shop\"]",
          index.handler(orders, orders.getMethod("get", String.class), Expired.SESSION, Client.API));
      assertNull(index.servlet(HELPER, "GET", Expired.SESSION, Client.API));
      assertEquals(all.keySet().stream().filter(k -> k.startsWith("handler")).count(), index.handlerCount());
    }
  }

  @Test
  void aFullRebuildIntoTheOldOutputWritesTheFileOfACleanBuild() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    // As Maven does without "clean": every source again, the old classes and file still in out/.
    p.delete(ACCOUNT).delete(PLAIN);
    p.write(ADMIN, admin(false));
    p.write(SHOP + ".BasketServlet", """
        package com.acme.shop;

        public class BasketServlet extends jakarta.servlet.http.HttpServlet {}
        """);
    p.buildAll().assertClean();

    assertEquals(List.of(SHOP), p.packages());
    assertLikeACleanBuild(p);

    // A package deleted whole is compiled no more, and its section goes too.
    p.write(ADMIN, admin(true)).buildAll().assertClean();
    assertEquals(List.of(ADMIN_PACKAGE, SHOP), p.packages());
    p.delete(ADMIN).buildAll().assertClean();
    assertEquals(List.of(SHOP), p.packages());
    assertLikeACleanBuild(p);
  }

  @Test
  void movingAnEndpointToAnotherPackageLeavesNoLineInTheOldOne() {
    Project p = shop(dir.resolve("p"));
    p.buildAll().assertClean();

    // An IDE moves the class: it deletes the old source's class files and compiles the new source
    // alone; the old package's other classes (and its package default) are only class files now.
    p.delete(ACCOUNT);
    String moved = ADMIN_PACKAGE + ".AccountServlet";
    p.write(moved, account("account").replace("package com.acme.shop;", "package com.acme.admin;"));
    p.build(moved).assertClean();

    Map<String, String> after = declared(p);
    assertTrue(after.containsKey("servlet " + moved + " *"), after.keySet().toString());
    assertFalse(after.containsKey("servlet " + ACCOUNT + " *"), after.keySet().toString());
    assertLikeACleanBuild(p);

    // And when a package's last class goes, so does its section.
    p.delete(moved).delete(ADMIN);
    p.build(CART).assertClean();
    assertEquals(List.of(SHOP), p.packages());
    assertLikeACleanBuild(p);
  }

  @Test
  void aGradleRecompileReprocessesTheUnchangedTypesFromTheirClassFilesWithoutCheckingThemAgain()
      throws IOException {
    // Behind Gradle's own ProcessingEnvironment (no javac Trees), and, for comparison, behind javac's.
    for (boolean wrapped : List.of(true, false)) {
      Project p = shop(dir.resolve(wrapped ? "wrapped" : "javac"));
      p.build(p.sources(), List.of(), processor(wrapped)).assertClean();
      List<String> unchanged = topLevelTypes(p).stream().filter(t -> !t.equals(ACCOUNT)).toList();

      // Gradle deletes what an aggregating processor generated and the class files of the changed
      // source, recompiles that source, and hands the processor every other type it saw before,
      // now from its class file: without @SuppressWarnings (source retention), which the
      // processor must not need, since the type was checked when it was compiled.
      Files.delete(p.policyFilePath());
      p.write(ACCOUNT, account("account, renamed")).deleteClasses(ACCOUNT);
      p.build(List.of(ACCOUNT), unchanged, processor(wrapped)).assertClean();

      assertLikeACleanBuild(p);
    }
  }

  private static Processor processor(boolean wrapped) {
    return wrapped ? new WrappedProcessor(new ExpiryProcessor()) : new ExpiryProcessor();
  }

  /** Every top-level type compiled into {@code out/}, as Gradle records them. */
  static List<String> topLevelTypes(Project p) throws IOException {
    try (Stream<Path> all = Files.walk(p.out)) {
      return all.map(f -> p.out.relativize(f).toString())
          .filter(f -> f.endsWith(".class") && !f.contains("$") && !f.endsWith("package-info.class"))
          .map(f -> f.replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "")).sorted().toList();
    }
  }
}
