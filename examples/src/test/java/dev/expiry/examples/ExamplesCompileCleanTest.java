package dev.expiry.examples;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.expiry.processor.ExpiryProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The examples are what users copy: they must be model citizens. Every example compiles with the
 * processor and {@code -Werror} without a single diagnostic, and the one deliberate exception (a
 * 419 for an old client) shows how to suppress a rule, with a suppression that is really needed.
 */
class ExamplesCompileCleanTest {

  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void everyExampleCompilesWithoutWarnings() throws IOException {
    List<JavaFileObject> sources = sources();
    assertTrue(sources.size() >= 8, "expected the example sources, found " + sources.size());
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(compilation.diagnostics().isEmpty(), compilation.diagnostics().toString());
  }

  @Test
  void theDeliberate419NeedsItsSuppression() throws IOException {
    Path legacy = SOURCES.resolve("dev/expiry/examples/LegacyServlet.java");
    String text = Files.readString(legacy);
    assertTrue(text.contains("@SuppressWarnings(\"expiry:NonStandardStatus\")"), text);
    String unsuppressed = text.replace("@SuppressWarnings(\"expiry:NonStandardStatus\")", "");
    assertFalse(unsuppressed.contains("SuppressWarnings"));

    Compilation compilation = compile(List.of(
        JavaFileObjects.forSourceString("dev.expiry.examples.LegacyServlet", unsuppressed)));
    assertThat(compilation).failed();
    assertThat(compilation).hadWarningContaining("[NonStandardStatus]");
  }

  private static Compilation compile(List<JavaFileObject> sources) {
    return javac().withProcessors(new ExpiryProcessor()).withOptions("-Werror", "-Aexpiry.MissingPolicy=error")
        .compile(sources);
  }

  private static List<JavaFileObject> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().map(f -> {
        try {
          return JavaFileObjects.forResource(f.toUri().toURL());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
