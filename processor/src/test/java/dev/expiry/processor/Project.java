package dev.expiry.processor;

import dev.expiry.processor.write.PolicyFileWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A project as build tools compile it: sources in {@code src/}, classes and the policy file in
 * {@code out/}, real javac in-process. A build of some sources puts {@code out/} on the class path
 * and writes into it, as IntelliJ's builder and Gradle do when they recompile only what changed.
 */
final class Project {

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  final Path root;
  final Path src;
  final Path out;
  /** Libraries on the class path besides the tests' own (the runtime, the servlet API) and {@code out/}. */
  final List<Path> libraries = new ArrayList<>();

  Project(Path root, Path... libraries) {
    this.root = root;
    this.src = root.resolve("src");
    this.out = root.resolve("out");
    this.libraries.addAll(List.of(libraries));
    try {
      Files.createDirectories(src);
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one javac run reported. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {

    /** Every diagnostic, one a line, for an assertion's message. */
    String report() {
      StringBuilder s = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        s.append(d.getKind()).append(' ')
            .append(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + " ")
            .append(d.getMessage(Locale.ROOT)).append('\n');
      }
      return s.toString();
    }

    /** Asserts that javac succeeded without errors or warnings. */
    Result assertClean() {
      boolean clean = success && diagnostics.stream()
          .noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
              || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING);
      if (!clean) {
        throw new AssertionError("javac did not succeed cleanly:\n" + report());
      }
      return this;
    }
  }

  /** Writes {@code src/<qualified/name>.java}. */
  Project write(String qualifiedName, String text) {
    Path file = sourceOf(qualifiedName);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Deletes a type's source and its class files (nested ones too), as a build tool does for a deleted source. */
  Project delete(String qualifiedName) {
    try {
      Files.delete(sourceOf(qualifiedName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deleteClasses(qualifiedName);
  }

  /** Deletes a type's class files (nested ones too), as Gradle and IntelliJ do before they recompile its source. */
  Project deleteClasses(String qualifiedName) {
    try {
      Path classes = out.resolve(qualifiedName.replace('.', '/') + ".class");
      String simple = classes.getFileName().toString().replace(".class", "");
      try (Stream<Path> files = Files.list(classes.getParent())) {
        for (Path p : files.toList()) {
          String name = p.getFileName().toString();
          if (name.equals(simple + ".class") || name.startsWith(simple + "$")) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Path sourceOf(String qualifiedName) {
    return src.resolve(qualifiedName.replace('.', '/') + ".java");
  }

  /** The qualified names of every source in {@code src/}, sorted. */
  List<String> sources() {
    try (Stream<Path> files = Files.walk(src)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .map(p -> src.relativize(p).toString().replace(File.separatorChar, '.').replaceAll("\\.java$", ""))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles every source with the processor. */
  Result buildAll() {
    return build(sources());
  }

  /** Compiles these sources with the processor, {@code out/} on the class path and as the output. */
  Result build(String... qualifiedNames) {
    return build(List.of(qualifiedNames));
  }

  Result build(List<String> qualifiedNames) {
    return build(qualifiedNames, List.of(), new ExpiryProcessor());
  }

  /**
   * Compiles these sources, and these classes already in {@code out/} for annotation processing only
   * (as Gradle hands an aggregating processor the unchanged types it processed before), with a
   * processor.
   */
  Result build(List<String> qualifiedNames, List<String> classesToProcess, Processor processor) {
    return compile(out, classPath(), qualifiedNames.stream().map(this::sourceOf).toList(), classesToProcess,
        List.of(), processor);
  }

  List<Path> classPath() {
    List<Path> classPath = new ArrayList<>(testClassPath());
    classPath.add(out);
    classPath.addAll(libraries);
    return classPath;
  }

  /**
   * One javac run.
   *
   * @param processor the processor, or {@code null} for none ({@code -proc:none})
   */
  static Result compile(Path out, List<Path> classPath, List<Path> sources, List<String> classesToProcess,
      List<JavaFileObject> moreSources, Processor processor) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(out);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      List<JavaFileObject> units = new ArrayList<>(moreSources);
      files.getJavaFileObjectsFromPaths(sources).forEach(units::add);
      List<String> options = new ArrayList<>(List.of("-encoding", "UTF-8", "-implicit:none"));
      if (processor == null) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task = JAVAC.getTask(null, files, diagnostics, options,
          classesToProcess.isEmpty() ? null : classesToProcess, units);
      if (processor != null) {
        task.setProcessors(List.of(processor));
      }
      boolean success = task.call();
      return new Result(success, List.copyOf(diagnostics.getDiagnostics()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path frameworkStubs;

  /**
   * The Spring MVC and JAX-RS stubs of {@link FrameworkStubs}, compiled once into a library
   * directory that is deleted when the tests' JVM exits.
   */
  static synchronized Path frameworkStubs() {
    if (frameworkStubs == null) {
      try {
        Path dir = Files.createTempDirectory("expiry-stubs");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        Path classes = dir.resolve("classes");
        compile(classes, testClassPath(), List.of(), List.of(), FrameworkStubs.ALL, null).assertClean();
        frameworkStubs = classes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return frameworkStubs;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }

  /** The class path the tests run with: the runtime, the servlet API. */
  static List<Path> testClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(s -> !s.isEmpty()).map(Path::of).toList();
  }

  /** The text of the policy report in {@code out/}, if there is one. */
  Optional<String> report() {
    Path file = out.resolve(dev.expiry.processor.write.ReportWriter.PATH);
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code out/META-INF/expiry/policies}. */
  Path policyFilePath() {
    return out.resolve(PolicyFileWriter.PATH);
  }

  /** The text of the policy file in {@code out/}, if there is one. */
  Optional<String> policyFile() {
    Path file = policyFilePath();
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of the policy file in {@code out/}; fails when there is none. */
  byte[] policyFileBytes() {
    try {
      return Files.readAllBytes(policyFilePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packages with a section in the policy file, in file order; none without a file. */
  List<String> packages() {
    return policyFile().map(Table::packages).orElse(List.of());
  }

  /** One package's section of the policy file, as the runtime reads it. */
  Table section(String packageName) {
    return Table.of(policyFile().orElseThrow(() -> new AssertionError("no " + policyFilePath())), packageName);
  }

  /** Packs {@code out/} into a jar, as a separately built library. */
  Path jar(Path file) {
    try (Stream<Path> all = Files.walk(out);
        OutputStream stream = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(stream)) {
      for (Path p : all.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        jar.putNextEntry(new JarEntry(out.relativize(p).toString().replace(File.separatorChar, '/')));
        jar.write(Files.readAllBytes(p));
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
