package dev.expiry.processor.write;

import com.palantir.javapoet.ClassName;
import dev.expiry.processor.read.Names;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the {@link java.util.ServiceLoader} index: {@code META-INF/services/} + the handler
 * interface, one handler class per line, sorted. Each jar compiled with the processor carries its
 * own, and the runtime reads them all.
 */
public final class ServicesWriter {

  public static final String PATH = "META-INF/services/" + Names.EXPIRY_HANDLER;

  private final Filer filer;

  public ServicesWriter(Filer filer) {
    this.filer = filer;
  }

  /**
   * Writes the index, keeping the entries of an index already in the output for packages this
   * compilation did not touch (an incremental build that recompiles only some sources must not lose
   * the others; the runtime skips entries whose class is gone), and replacing those of the packages
   * it wrote tables for.
   *
   * @param regenerated the packages this compilation wrote the whole table of
   */
  public void write(Collection<ClassName> handlers, Collection<String> regenerated, Element[] originatingElements)
      throws IOException {
    SortedSet<String> lines = new TreeSet<>(existing());
    // This compilation wrote the whole table of these packages: earlier entries for them are stale.
    lines.removeIf(line -> isTable(line) && regenerated.contains(packageOf(line)));
    handlers.forEach(h -> lines.add(h.reflectionName()));
    if (lines.isEmpty()) {
      return;
    }
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, originatingElements);
    try (Writer out = file.openWriter()) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }

  /** Whether an entry names a class this processor generates (a table, or a handler of an earlier version). */
  private static boolean isTable(String line) {
    String simple = line.substring(line.lastIndexOf('.') + 1);
    return simple.contains(TableWriter.SUFFIX) || simple.endsWith("_ExpiryHandler");
  }

  private static String packageOf(String line) {
    int dot = line.lastIndexOf('.');
    return dot < 0 ? "" : line.substring(0, dot);
  }

  private SortedSet<String> existing() {
    SortedSet<String> lines = new TreeSet<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          int comment = line.indexOf('#');
          String entry = (comment >= 0 ? line.substring(0, comment) : line).trim();
          if (!entry.isEmpty()) {
            lines.add(entry);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // No index yet: the usual case for a clean build.
    }
    return lines;
  }
}
