package dev.expiry.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;

/** Test sources and compilations, so each test shows only the code it is about. */
final class Sources {

  private Sources() {}

  /** A source file {@code test/<name>.java} with the usual imports and the given body. */
  static JavaFileObject java(String name, String... lines) {
    StringBuilder src = new StringBuilder()
        .append("package test;\n")
        .append("\n")
        .append("import dev.expiry.Client;\n")
        .append("import dev.expiry.Expired;\n")
        .append("import dev.expiry.ExpiryPolicy;\n")
        .append("import dev.expiry.Param;\n")
        .append("import dev.expiry.NoExpiryPolicy;\n")
        .append("import jakarta.servlet.http.HttpServlet;\n")
        .append("import jakarta.servlet.http.HttpServletRequest;\n")
        .append("import jakarta.servlet.http.HttpServletResponse;\n")
        .append("\n");
    for (String line : lines) {
      src.append(line).append('\n');
    }
    return JavaFileObjects.forSourceString("test." + name, src.toString());
  }

  /** A servlet {@code test.S} with one class-level annotation line. */
  static JavaFileObject servlet(String annotation) {
    return java("S", annotation, "public class S extends HttpServlet {}");
  }

  /**
   * A servlet that sends browsers to {@code location} and gives script clients a 401, as a clean
   * redirect policy must.
   */
  static JavaFileObject browserRedirect(int status, String location) {
    return java("S",
        "@ExpiryPolicy(client = Client.BROWSER, status = " + status + ", location = \"" + location + "\")",
        "@ExpiryPolicy(client = Client.API, status = 401, scheme = \"MyAuthScheme\")",
        "public class S extends HttpServlet {}");
  }

  static Compilation compile(JavaFileObject... sources) {
    return compileWith(new String[0], sources);
  }

  static Compilation compileWith(String[] options, JavaFileObject... sources) {
    return javac().withProcessors(new ExpiryProcessor()).withOptions((Object[]) options).compile(sources);
  }

  /** The 1-based number of the first line containing {@code token}. */
  static long lineOf(JavaFileObject source, String token) {
    String[] lines = text(source).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(token)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + token);
  }

  /** The 1-based column where {@code token} starts on the first line containing it. */
  static int columnOf(JavaFileObject source, String token) {
    for (String line : text(source).split("\n", -1)) {
      int at = line.indexOf(token);
      if (at >= 0) {
        return at + 1;
      }
    }
    throw new AssertionError("no line contains " + token);
  }

  static String text(JavaFileObject source) {
    try {
      return source.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
