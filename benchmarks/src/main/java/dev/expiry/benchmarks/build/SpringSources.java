package dev.expiry.benchmarks.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Spring MVC application of N endpoints, shaped like a real one: for each endpoint a
 * {@code @RestController} mapped by a class-level {@code @RequestMapping}, with a GET, POST, PUT and
 * DELETE handler ({@code @PathVariable}, {@code @RequestBody}) that take and return two records, and
 * the {@code @Service} it calls, injected through its constructor. Beside them the application's
 * MVC configuration, a {@code @RestControllerAdvice} that answers with {@code ProblemDetail}, and
 * the exception the services throw. Fifty endpoints to a package.
 *
 * <p>With policies, every package has a default policy in its {@code package-info.java}; one
 * controller in five declares its own (alternately a 401 with a custom scheme and an auth-param,
 * and a browser redirect paired with a 401 for scripts); of the others, two in four carry the
 * application's composed policy, {@code @ShopSessionPolicy}, and two fall back on the package
 * default. Without policies the same application has no {@code @ExpiryPolicy} anywhere: no
 * package-info policies, no composed annotation.
 */
public final class SpringSources {

  static final String BASE = "com.example.shop";

  private SpringSources() {}

  /** Writes the application under {@code dir} and returns its files. */
  public static List<Path> write(Path dir, int count, boolean withPolicies) throws IOException {
    List<Path> files = new ArrayList<>(4 * count + 8);
    files.add(SourceFiles.write(dir, BASE, "ShopWebConfig", WEB_CONFIG));
    files.add(SourceFiles.write(dir, BASE + ".common", "NotFoundException", NOT_FOUND));
    files.add(SourceFiles.write(dir, BASE + ".common", "ApiExceptionHandler", EXCEPTION_HANDLER));
    if (withPolicies) {
      files.add(SourceFiles.write(dir, BASE + ".security", "ShopSessionPolicy", COMPOSED_POLICY));
    }
    for (int i = 0; i < count; i++) {
      String pkg = BASE + ".web" + (i / EndpointSources.PER_PACKAGE);
      if (withPolicies && i % EndpointSources.PER_PACKAGE == 0) {
        files.add(SourceFiles.write(dir, pkg, "package-info", packageInfo(pkg)));
      }
      String name = "Endpoint" + i;
      files.add(SourceFiles.write(dir, pkg, name + "Controller", controller(pkg, i, withPolicies)));
      files.add(SourceFiles.write(dir, pkg, name + "Service", service(pkg, i)));
      files.add(SourceFiles.write(dir, pkg, name + "Request", request(pkg, i)));
      files.add(SourceFiles.write(dir, pkg, name + "View", view(pkg, i)));
    }
    return files;
  }

  /** The policies and imports of controller {@code i}, as its own, the composed one, or none (the package's). */
  static String[] policy(int i) {
    if (i % 5 == 0 && (i / 5) % 2 == 0) {
      return new String[] {"""
          import dev.expiry.ExpiryPolicy;
          import dev.expiry.Param;
          """, """
          @ExpiryPolicy(status = 401, scheme = "ShopToken", realm = "shop-api/%d",
              params = @Param(name = "error", value = "session_expired"))
          """.formatted(i)};
    }
    if (i % 5 == 0) {
      return new String[] {"""
          import dev.expiry.Client;
          import dev.expiry.ExpiryPolicy;
          """, """
          @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?from=endpoint%1$d&next={path}")
          @ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "shop/endpoint%1$d")
          """.formatted(i)};
    }
    if (i % 5 == 2 || i % 5 == 4) {
      return new String[] {"import " + BASE + ".security.ShopSessionPolicy;\n", "@ShopSessionPolicy\n"};
    }
    return new String[] {"", ""};
  }

  static String controller(String pkg, int i, boolean withPolicies) {
    String[] policy = withPolicies ? policy(i) : new String[] {"", ""};
    return """
        package %1$s;

        %3$simport java.net.URI;
        import org.springframework.http.HttpStatus;
        import org.springframework.http.ResponseEntity;
        import org.springframework.web.bind.annotation.DeleteMapping;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.PathVariable;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.PutMapping;
        import org.springframework.web.bind.annotation.RequestBody;
        import org.springframework.web.bind.annotation.RequestMapping;
        import org.springframework.web.bind.annotation.ResponseStatus;
        import org.springframework.web.bind.annotation.RestController;

        /** The items of resource %2$d of a generated shop API. */
        %4$s@RestController
        @RequestMapping("/api/endpoint%2$d/items")
        public class Endpoint%2$dController {

          private final Endpoint%2$dService service;

          public Endpoint%2$dController(Endpoint%2$dService service) {
            this.service = service;
          }

          @GetMapping("/{id}")
          public Endpoint%2$dView get(@PathVariable("id") long id) {
            return service.find(id);
          }

          @PostMapping
          public ResponseEntity<Endpoint%2$dView> create(@RequestBody Endpoint%2$dRequest request) {
            Endpoint%2$dView created = service.create(request);
            return ResponseEntity.created(URI.create("/api/endpoint%2$d/items/" + created.id())).body(created);
          }

          @PutMapping("/{id}")
          public Endpoint%2$dView update(@PathVariable("id") long id, @RequestBody Endpoint%2$dRequest request) {
            return service.update(id, request);
          }

          @DeleteMapping("/{id}")
          @ResponseStatus(HttpStatus.NO_CONTENT)
          public void delete(@PathVariable("id") long id) {
            service.delete(id);
          }
        }
        """.formatted(pkg, i, policy[0].isEmpty() ? "" : policy[0] + "\n", policy[1]);
  }

  static String service(String pkg, int i) {
    return """
        package %1$s;

        import %3$s.common.NotFoundException;
        import java.time.Instant;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.concurrent.atomic.AtomicLong;
        import org.springframework.stereotype.Service;

        /** Keeps the items of resource %2$d. */
        @Service
        public class Endpoint%2$dService {

          private final Map<Long, Endpoint%2$dView> items = new ConcurrentHashMap<>();
          private final AtomicLong ids = new AtomicLong();

          public Endpoint%2$dView find(long id) {
            Endpoint%2$dView item = items.get(id);
            if (item == null) {
              throw new NotFoundException("No item " + id + " of resource %2$d");
            }
            return item;
          }

          public Endpoint%2$dView create(Endpoint%2$dRequest request) {
            long id = ids.incrementAndGet();
            Endpoint%2$dView item = Endpoint%2$dView.of(id, request, Instant.now());
            items.put(id, item);
            return item;
          }

          public Endpoint%2$dView update(long id, Endpoint%2$dRequest request) {
            find(id);
            Endpoint%2$dView item = Endpoint%2$dView.of(id, request, Instant.now());
            items.put(id, item);
            return item;
          }

          public void delete(long id) {
            if (items.remove(id) == null) {
              throw new NotFoundException("No item " + id + " of resource %2$d");
            }
          }
        }
        """.formatted(pkg, i, BASE);
  }

  static String request(String pkg, int i) {
    return """
        package %1$s;

        import java.util.List;

        /** What a client sends to create or change an item of resource %2$d. */
        public record Endpoint%2$dRequest(String name, int quantity, List<String> tags) {

          public Endpoint%2$dRequest {
            if (name == null || name.isBlank()) {
              throw new IllegalArgumentException("name is required");
            }
            if (quantity < 0) {
              throw new IllegalArgumentException("quantity must not be negative");
            }
            tags = tags == null ? List.of() : List.copyOf(tags);
          }
        }
        """.formatted(pkg, i);
  }

  static String view(String pkg, int i) {
    return """
        package %1$s;

        import java.time.Instant;
        import java.util.List;

        /** An item of resource %2$d as the API shows it. */
        public record Endpoint%2$dView(long id, String name, int quantity, List<String> tags, Instant updated) {

          static Endpoint%2$dView of(long id, Endpoint%2$dRequest request, Instant updated) {
            return new Endpoint%2$dView(id, request.name().trim(), request.quantity(), request.tags(), updated);
          }
        }
        """.formatted(pkg, i);
  }

  static String packageInfo(String pkg) {
    return """
        /** Resources of the shop API; a script whose session expired is asked to log in again. */
        @ExpiryPolicy(status = 401, scheme = "MyAuthScheme", realm = "shop")
        package %s;

        import dev.expiry.ExpiryPolicy;
        """.formatted(pkg);
  }

  static final String COMPOSED_POLICY = """
      package %s.security;

      import dev.expiry.Client;
      import dev.expiry.ExpiryPolicy;
      import java.lang.annotation.Documented;
      import java.lang.annotation.ElementType;
      import java.lang.annotation.Retention;
      import java.lang.annotation.RetentionPolicy;
      import java.lang.annotation.Target;

      /** The shop's session policy: a browser goes to the login page and comes back, a script gets a 401. */
      @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/account/login?next={path}")
      @ExpiryPolicy(client = Client.API, status = 401, scheme = "ShopSession", realm = "shop")
      @Documented
      @Retention(RetentionPolicy.CLASS)
      @Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
      public @interface ShopSessionPolicy {}
      """.formatted(BASE);

  static final String WEB_CONFIG = """
      package %s;

      import org.springframework.context.annotation.ComponentScan;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.web.servlet.config.annotation.CorsRegistry;
      import org.springframework.web.servlet.config.annotation.EnableWebMvc;
      import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

      /** The application's MVC configuration: its controllers, services and advice by scanning. */
      @Configuration
      @EnableWebMvc
      @ComponentScan
      public class ShopWebConfig implements WebMvcConfigurer {

        @Override
        public void addCorsMappings(CorsRegistry registry) {
          registry.addMapping("/api/**").allowedMethods("GET", "POST", "PUT", "DELETE");
        }
      }
      """.formatted(BASE);

  static final String NOT_FOUND = """
      package %s.common;

      /** An item that does not exist. */
      public class NotFoundException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public NotFoundException(String message) {
          super(message);
        }
      }
      """.formatted(BASE);

  static final String EXCEPTION_HANDLER = """
      package %s.common;

      import org.springframework.http.HttpStatus;
      import org.springframework.http.ProblemDetail;
      import org.springframework.web.bind.annotation.ExceptionHandler;
      import org.springframework.web.bind.annotation.RestControllerAdvice;
      import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

      /** Answers the services' exceptions with RFC 9457 problem details, beside Spring MVC's own. */
      @RestControllerAdvice
      public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

        @ExceptionHandler(NotFoundException.class)
        public ProblemDetail notFound(NotFoundException e) {
          ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
          problem.setTitle("Not found");
          return problem;
        }

        @ExceptionHandler(IllegalArgumentException.class)
        public ProblemDetail invalid(IllegalArgumentException e) {
          ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
          problem.setTitle("Invalid request");
          return problem;
        }
      }
      """.formatted(BASE);
}
