package dev.expiry.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Tiny copies of the JAX-RS and Spring MVC annotations the processor reads, by the same qualified
 * names and shapes, so that its tests need neither framework.
 */
final class FrameworkStubs {

  private FrameworkStubs() {}

  private static final String RT = "import java.lang.annotation.*;\n";

  static final List<JavaFileObject> ALL = List.of(
      stub("jakarta.ws.rs.Path", RT + "@Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface Path { String value(); }"),
      stub("jakarta.ws.rs.HttpMethod", RT + "@Target(ElementType.ANNOTATION_TYPE) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface HttpMethod { String value(); }"),
      designator("GET"), designator("POST"), designator("PUT"), designator("DELETE"), designator("HEAD"),
      stub("jakarta.ws.rs.ApplicationPath", RT + "@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface ApplicationPath { String value(); }"),
      stub("jakarta.ws.rs.core.Application", "public class Application {}"),
      stub("org.springframework.stereotype.Controller", RT + "@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface Controller { String value() default \"\"; }"),
      stub("org.springframework.web.bind.annotation.RestController", RT + "import org.springframework.stereotype.Controller;\n"
          + "@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME) @Controller"
          + " public @interface RestController { String value() default \"\"; }"),
      stub("org.springframework.web.bind.annotation.RequestMethod",
          "public enum RequestMethod { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE }"),
      stub("org.springframework.web.bind.annotation.RequestMapping", RT
          + "@Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface RequestMapping { String name() default \"\"; String[] value() default {};"
          + " String[] path() default {}; RequestMethod[] method() default {}; String[] produces() default {}; }"),
      composed("GetMapping", "GET"), composed("PostMapping", "POST"), composed("DeleteMapping", "DELETE"));

  private static JavaFileObject designator(String method) {
    return stub("jakarta.ws.rs." + method, RT + "@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)"
        + " @HttpMethod(\"" + method + "\") public @interface " + method + " {}");
  }

  private static JavaFileObject composed(String name, String method) {
    return stub("org.springframework.web.bind.annotation." + name, RT
        + "@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)"
        + " @RequestMapping(method = RequestMethod." + method + ")"
        + " public @interface " + name + " { String name() default \"\"; String[] value() default {};"
        + " String[] path() default {}; String[] produces() default {}; }");
  }

  private static JavaFileObject stub(String qualifiedName, String body) {
    int dot = qualifiedName.lastIndexOf('.');
    return JavaFileObjects.forSourceString(qualifiedName,
        "package " + qualifiedName.substring(0, dot) + ";\n" + body + "\n");
  }

  /** The stubs and the given sources. */
  static JavaFileObject[] with(JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(ALL);
    all.addAll(List.of(sources));
    return all.toArray(new JavaFileObject[0]);
  }

  /** A source {@code test/<name>.java} with the usual imports and the frameworks' annotations. */
  static JavaFileObject web(String name, String... lines) {
    StringBuilder src = new StringBuilder()
        .append("package test;\n\n")
        .append("import dev.expiry.Client;\n")
        .append("import dev.expiry.Expired;\n")
        .append("import dev.expiry.ExpiryPolicy;\n")
        .append("import jakarta.ws.rs.*;\n")
        .append("import org.springframework.stereotype.Controller;\n")
        .append("import org.springframework.web.bind.annotation.*;\n")
        .append("import java.lang.annotation.*;\n\n");
    for (String line : lines) {
      src.append(line).append('\n');
    }
    return JavaFileObjects.forSourceString("test." + name, src.toString());
  }
}
