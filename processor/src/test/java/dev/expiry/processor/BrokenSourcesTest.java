package dev.expiry.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor on broken code: clean sources (servlets with repeated, method and Bearer policies,
 * a composed policy, a package default, a Spring MVC controller, a JAX-RS resource) mutated one
 * change at a time — a token deleted, an annotation truncated, an import or a type missing, generics
 * broken, a value of the wrong type — and each mutant compiled with the processor. No exception of
 * the processor reaches javac (nor its "failed on this element" report), and where javac reports
 * an error of its own, no rule reports anything: what a rule would say about code javac could not
 * read is noise.
 *
 * <p>The normal suite compiles {@value #DEFAULT_COUNT} of the mutants, spread evenly over all of
 * them; {@code -Dexpiry.mutants=all} compiles every one (over 2,000), {@code -Dexpiry.mutants=N} N.
 */
class BrokenSourcesTest {

  static final int DEFAULT_COUNT = 500;
  private static final String COUNT = System.getProperty("expiry.mutants", String.valueOf(DEFAULT_COUNT));
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\]");

  /** The clean sources, by qualified name. */
  static final Map<String, String> CLEAN = new LinkedHashMap<>();

  static {
    CLEAN.put("shop.OrdersServlet", """
        package shop;

        import dev.expiry.Client;
        import dev.expiry.Expired;
        import dev.expiry.ExpiryPolicy;
        import dev.expiry.Param;
        import jakarta.servlet.http.HttpServlet;
        import jakarta.servlet.http.HttpServletRequest;
        import jakarta.servlet.http.HttpServletResponse;
        import java.util.List;
        import java.util.Map;

        @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?next={path}")
        @ExpiryPolicy(client = Client.API, status = 401, scheme = "Bearer", realm = "shop",
            params = {@Param(name = "error", value = "invalid_token"),
                @Param(name = "error_description", value = "The session expired")})
        public class OrdersServlet extends HttpServlet {
          private final Map<String, List<Integer>> orders = Map.of("a", List.of(1, 2));

          @ExpiryPolicy(on = Expired.CSRF_TOKEN, status = 400, title = "Form expired", detail = "Reload it")
          @Override
          protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            List<Integer> some = orders.getOrDefault(request.getParameter("id"), List.of());
            response.setStatus(some.isEmpty() ? 404 : 200);
          }

          @SuppressWarnings("expiry:ForbiddenForExpiry")
          @ExpiryPolicy(status = 403, title = "No")
          @Override
          protected void doDelete(HttpServletRequest request, HttpServletResponse response) {}
        }
        """);
    CLEAN.put("shop.ApiPolicy", """
        package shop;

        import dev.expiry.Client;
        import dev.expiry.ExpiryPolicy;
        import java.lang.annotation.ElementType;
        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import java.lang.annotation.Target;

        @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login")
        @ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "api")
        @Retention(RetentionPolicy.CLASS)
        @Target({ElementType.TYPE, ElementType.METHOD})
        public @interface ApiPolicy {}
        """);
    CLEAN.put("shop.AccountServlet", """
        package shop;

        import jakarta.servlet.http.HttpServlet;

        @ApiPolicy
        public class AccountServlet extends HttpServlet {
          static <T extends Comparable<T>> T max(List<T> all) { return all.get(0); }
          interface List<E> { E get(int i); }
        }
        """);
    CLEAN.put("shop.package-info", """
        @ExpiryPolicy(status = 401, scheme = "Shop", realm = "shop")
        package shop;

        import dev.expiry.ExpiryPolicy;
        """);
    CLEAN.put("shop.web.CatalogController", """
        package shop.web;

        import dev.expiry.ExpiryPolicy;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.PathVariable;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RequestMapping;
        import org.springframework.web.bind.annotation.RestController;

        @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "catalog")
        @RestController
        @RequestMapping("/catalog")
        public class CatalogController {
          @GetMapping("/{id}")
          public String item(@PathVariable String id) { return id; }

          @ExpiryPolicy(status = 401, scheme = "Other", realm = "write")
          @PostMapping(path = "/{id}", consumes = "application/json")
          public void update(@PathVariable("id") String id, java.util.Optional<String> body) {}
        }
        """);
    CLEAN.put("shop.api.TicketsResource", """
        package shop.api;

        import dev.expiry.ExpiryPolicy;
        import jakarta.ws.rs.GET;
        import jakarta.ws.rs.Path;
        import jakarta.ws.rs.PathParam;
        import jakarta.ws.rs.Produces;

        @Path("/tickets")
        @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "tickets")
        public class TicketsResource {
          @GET
          @Path("{id: [0-9]+}")
          @Produces("application/json")
          public String get(@PathParam("id") long id) { return "{}"; }
        }
        """);
  }

  /** One mutant: the file it changes, what was done, and the mutated text. */
  record Mutant(String file, String change, String text) {}

  @Test
  void theCleanSourcesAreClean() {
    Compilation c = compile(Map.of());
    assertEquals(Compilation.Status.SUCCESS, c.status(), () -> c.diagnostics().toString());
    assertEquals(List.of(), c.diagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList());
  }

  @Test
  void noExceptionAndNoRuleDiagnosticWhereJavacReportsAnError() throws Exception {
    List<Mutant> mutants = mutants();
    assertTrue(mutants.size() >= 2_000, "at least 2,000 mutants: " + mutants.size());
    int count = COUNT.equals("all") ? mutants.size() : Math.min(Integer.parseInt(COUNT), mutants.size());
    List<Mutant> run = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      run.add(mutants.get((int) ((long) i * mutants.size() / count)));
    }
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicInteger withJavacErrors = new AtomicInteger();
    AtomicInteger withRuleFindings = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    for (Mutant m : run) {
      pool.execute(() -> {
        Compilation c;
        try {
          c = compile(Map.of(m.file(), m.text()));
        } catch (Throwable thrown) {
          problems.add(m.change() + ": the processor threw " + thrown);
          return;
        }
        boolean javacError = false;
        List<String> rules = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
          String message = d.getMessage(Locale.ROOT);
          if (message.contains("The Expiry processor failed") || message.contains("threw an uncaught exception")) {
            problems.add(m.change() + ": " + message.lines().findFirst().orElse(""));
          }
          Matcher rule = RULE.matcher(message);
          if (rule.find()) {
            rules.add(message.lines().findFirst().orElse(""));
          } else if (d.getKind() == Diagnostic.Kind.ERROR && !message.startsWith("The Expiry processor cannot read")) {
            javacError = true;
          }
        }
        if (javacError) {
          withJavacErrors.incrementAndGet();
          if (!rules.isEmpty()) {
            problems.add(m.change() + ": javac reported an error, and a rule said " + rules);
          }
        } else if (!rules.isEmpty()) {
          withRuleFindings.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES));
    System.out.println("[broken sources] " + run.size() + " of " + mutants.size() + " mutants compiled with the processor: " + withJavacErrors
        + " with javac errors, " + withRuleFindings + " valid Java with rule findings, " + problems.size() + " problems");
    assertEquals(List.of(), List.copyOf(problems).subList(0, Math.min(20, problems.size())),
        () -> problems.size() + " mutants went wrong");
  }

  // Compiling.

  private static List<File> classPath() {
    List<File> path = new ArrayList<>();
    Project.testClassPath().forEach(p -> path.add(p.toFile()));
    path.add(Project.frameworkStubs().toFile());
    return path;
  }

  private static final List<File> CLASS_PATH = classPath();

  /** The clean sources with these replaced, compiled with the processor. */
  static Compilation compile(Map<String, String> replaced) {
    List<JavaFileObject> sources = new ArrayList<>();
    CLEAN.forEach((name, text) -> sources.add(JavaFileObjects.forSourceString(name, replaced.getOrDefault(name, text))));
    return javac().withClasspath(CLASS_PATH).withProcessors(new ExpiryProcessor()).compile(sources);
  }

  // Mutating.

  /** A Java token: an identifier or keyword, a number, a string or char literal, or one punctuation character. */
  private static final Pattern TOKEN = Pattern.compile(
      "[A-Za-z_$][A-Za-z0-9_$]*|[0-9]+|\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^\\sA-Za-z0-9_$]");

  static List<Mutant> mutants() {
    List<Mutant> all = new ArrayList<>();
    CLEAN.forEach((file, text) -> {
      List<int[]> tokens = new ArrayList<>();
      Matcher m = TOKEN.matcher(text);
      while (m.find()) {
        tokens.add(new int[] {m.start(), m.end()});
      }
      for (int i = 0; i < tokens.size(); i++) {
        int[] t = tokens.get(i);
        String token = text.substring(t[0], t[1]);
        all.add(new Mutant(file, file + ": token " + i + " (" + token + ") deleted", text.substring(0, t[0]) + text.substring(t[1])));
        all.add(new Mutant(file, file + ": token " + i + " (" + token + ") doubled", text.substring(0, t[1]) + " " + token + text.substring(t[1])));
        replacement(token).ifPresent(r -> all.add(new Mutant(file, file + ": " + token + " -> " + r,
            text.substring(0, t[0]) + r + text.substring(t[1]))));
        if (Character.isUpperCase(token.charAt(0))) {
          all.add(new Mutant(file, file + ": type " + token + " missing", text.substring(0, t[0]) + "Missing" + token
              + text.substring(t[1])));
        }
        if (token.equals("<") || token.equals(">")) {
          all.add(new Mutant(file, file + ": generics broken at " + i, text.substring(0, t[0]) + (token.equals("<") ? "<<" : ">>")
              + text.substring(t[1])));
        }
      }
      // Each annotation truncated after each of its tokens, then closed.
      Matcher a = Pattern.compile("@\\w+\\(").matcher(text);
      while (a.find()) {
        int end = closing(text, a.end() - 1);
        for (int[] t : tokens) {
          if (t[1] > a.end() && t[1] < end) {
            all.add(new Mutant(file, file + ": annotation at " + a.start() + " truncated at " + t[1],
                text.substring(0, t[1]) + ")" + text.substring(end + 1)));
          }
        }
      }
      // Each line removed (imports, annotations, members).
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          List<String> rest = new ArrayList<>(List.of(lines));
          rest.remove(i);
          all.add(new Mutant(file, file + ": line " + (i + 1) + " removed (" + lines[i].strip() + ")", String.join("\n", rest)));
        }
      }
    });
    return all;
  }

  /** A value of another type, or a nearby name, for a token that has one. */
  private static java.util.Optional<String> replacement(String token) {
    if (token.startsWith("\"")) {
      return java.util.Optional.of("401");
    }
    if (token.matches("[0-9]+")) {
      return java.util.Optional.of("\"" + token + "\"");
    }
    return java.util.Optional.ofNullable(switch (token) {
      case "BROWSER", "API", "ANY" -> "SESSION";
      case "SESSION", "CSRF_TOKEN", "ACCESS_TOKEN" -> "API";
      case "Client" -> "Expired";
      case "Expired" -> "Client";
      case "Param" -> "ExpiryPolicy";
      case "String" -> "int";
      case "long" -> "Long";
      case "true" -> "1";
      case "{" -> "(";
      case "=" -> ":";
      default -> null;
    });
  }

  /** The index of the parenthesis closing the one at {@code open}, outside string literals. */
  private static int closing(String text, int open) {
    int depth = 0;
    boolean string = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (string) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          string = false;
        }
      } else if (c == '"') {
        string = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return text.length() - 1;
  }
}
