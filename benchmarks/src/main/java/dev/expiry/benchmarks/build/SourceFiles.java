package dev.expiry.benchmarks.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the generated sources of a corpus, each where javac and a build tool expect it. */
final class SourceFiles {

  private SourceFiles() {}

  /** Writes {@code source} as {@code dir/<package path>/<name>.java} and returns the file. */
  static Path write(Path dir, String pkg, String name, String source) throws IOException {
    Path file = dir.resolve(pkg.replace('.', '/')).resolve(name + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file;
  }
}
