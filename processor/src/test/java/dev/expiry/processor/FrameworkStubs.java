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
      mediaTypes("Consumes"), mediaTypes("Produces"),
      stub("jakarta.ws.rs.PathParam", RT + "@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})"
          + " @Retention(RetentionPolicy.RUNTIME) public @interface PathParam { String value(); }"),
      stub("jakarta.ws.rs.ApplicationPath", RT + "@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface ApplicationPath { String value(); }"),
      stub("jakarta.ws.rs.core.Application", "public class Application {}"),
      stub("org.springframework.core.annotation.AliasFor", RT + "@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface AliasFor { @AliasFor(\"attribute\") String value() default \"\";"
          + " @AliasFor(\"value\") String attribute() default \"\";"
          + " Class<? extends Annotation> annotation() default Annotation.class; }"),
      stub("org.springframework.stereotype.Controller", RT + "@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface Controller { String value() default \"\"; }"),
      stub("org.springframework.web.bind.annotation.RestController", RT + "import org.springframework.stereotype.Controller;\n"
          + "import org.springframework.core.annotation.AliasFor;\n"
          + "@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME) @Controller"
          + " public @interface RestController { @AliasFor(annotation = Controller.class) String value() default \"\"; }"),
      stub("org.springframework.web.bind.annotation.RequestMethod",
          "public enum RequestMethod { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE }"),
      stub("org.springframework.web.bind.annotation.PathVariable", RT + "@Target(ElementType.PARAMETER)"
          + " @Retention(RetentionPolicy.RUNTIME) public @interface PathVariable { String value() default \"\"; }"),
      stub("org.springframework.web.bind.annotation.RequestMapping", RT
          + "import org.springframework.core.annotation.AliasFor;\n"
          + "@Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)"
          + " public @interface RequestMapping { String name() default \"\";"
          + " @AliasFor(\"path\") String[] value() default {}; @AliasFor(\"value\") String[] path() default {};"
          + " RequestMethod[] method() default {}; String[] params() default {}; String[] headers() default {};"
          + " String[] consumes() default {}; String[] produces() default {}; }"),
      composed("GetMapping", "GET"), composed("PostMapping", "POST"), composed("PutMapping", "PUT"),
      composed("DeleteMapping", "DELETE"));

  private static JavaFileObject designator(String method) {
    return stub("jakarta.ws.rs." + method, RT + "@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)"
        + " @HttpMethod(\"" + method + "\") public @interface " + method + " {}");
  }

  private static JavaFileObject mediaTypes(String name) {
    return stub("jakarta.ws.rs." + name, RT + "@Target({ElementType.TYPE, ElementType.METHOD})"
        + " @Retention(RetentionPolicy.RUNTIME) public @interface " + name + " { String[] value() default \"*/*\"; }");
  }

  /** A composed mapping as Spring declares them: every attribute an explicit alias of @RequestMapping's. */
  private static JavaFileObject composed(String name, String method) {
    StringBuilder attributes = new StringBuilder("@AliasFor(annotation = RequestMapping.class) String name() default \"\";");
    for (String attribute : List.of("value", "path", "params", "headers", "consumes", "produces")) {
      attributes.append(" @AliasFor(annotation = RequestMapping.class) String[] ").append(attribute).append("() default {};");
    }
    return stub("org.springframework.web.bind.annotation." + name, RT
        + "import org.springframework.core.annotation.AliasFor;\n"
        + "@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)"
        + " @RequestMapping(method = RequestMethod." + method + ")"
        + " public @interface " + name + " { " + attributes + " }");
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
        .append("import dev.expiry.NoExpiryPolicy;\n")
        .append("import jakarta.ws.rs.*;\n")
        .append("import org.springframework.stereotype.Controller;\n")
        .append("import org.springframework.core.annotation.AliasFor;\n")
        .append("import org.springframework.web.bind.annotation.*;\n")
        .append("import java.lang.annotation.*;\n\n");
    for (String line : lines) {
      src.append(line).append('\n');
    }
    return JavaFileObjects.forSourceString("test." + name, src.toString());
  }
}
