package dev.expiry.processor;

import com.google.testing.compile.Compilation;
import dev.expiry.processor.write.PolicyFileWriter;
import dev.expiry.runtime.PolicyFileReading;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.StandardLocation;

/**
 * One package's section of the generated policy file, read back the way the runtime takes it: the
 * record of an endpoint, the combination it points at, and the response in each slot. For
 * assertions that say which endpoint gets which answer without spelling out the numbering of ids.
 */
final class Table {

  private final String source;
  private final List<PolicyFileReading.Endpoint> endpoints;

  private Table(String source) {
    this.source = source;
    this.endpoints = PolicyFileReading.read("expiry-policies\t" + PolicyFileWriter.VERSION + "\n" + source);
  }

  /** The section of package {@code packageName} in the policy file the compilation wrote. */
  static Table of(Compilation c, String packageName) {
    return of(file(c).orElseThrow(() -> new AssertionError("no " + PolicyFileWriter.PATH + " written")), packageName);
  }

  /** The section of package {@code packageName} in the text of a policy file. */
  static Table of(String file, String packageName) {
    PolicyFileReading.read(file); // the runtime reads the whole file, not only this section
    StringBuilder section = null;
    for (String line : file.lines().toList()) {
      if (line.startsWith("package\t")) {
        if (section != null) {
          break;
        }
        if (PolicyFileReading.fields(line).equals(List.of("package", packageName))) {
          section = new StringBuilder();
        }
      }
      if (section != null) {
        section.append(line).append('\n');
      }
    }
    if (section == null) {
      throw new AssertionError("no section for package " + packageName + " in\n" + file);
    }
    return new Table(section.toString().stripTrailing() + "\n");
  }

  /**
   * The whole policy file the compilation wrote, if it wrote one. (The processor looks for the file
   * an earlier compilation left, and compile-testing lists the file it was asked for even when
   * nothing was written to it: such a file has no content.)
   */
  static Optional<String> file(Compilation c) {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, PolicyFileWriter.PATH).flatMap(f -> {
      try {
        return Optional.of(f.getCharContent(true).toString());
      } catch (FileNotFoundException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The packages that have a section in the policy file, in file order; none without a file. */
  static List<String> packages(Compilation c) {
    return file(c).map(Table::packages).orElse(List.of());
  }

  /** The packages that have a section in the text of a policy file, in file order. */
  static List<String> packages(String file) {
    List<String> packages = new ArrayList<>();
    file.lines().filter(l -> l.startsWith("package\t")).forEach(l -> packages.add(PolicyFileReading.fields(l).get(1)));
    return packages;
  }

  /** The section's text, from its {@code package} record to its last record. */
  String source() {
    return source;
  }

  /**
   * The record of the endpoint's row, such as {@code handler\ttest.C\tget()\ta0}.
   *
   * @param key an HTTP method, {@code *} for a servlet's every other method, or a method key
   */
  String row(String endpoint, String key) {
    for (String line : source.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      List<String> f = PolicyFileReading.fields(line);
      if ((f.get(0).equals("servlet") || f.get(0).equals("handler")) && f.size() == 4 && f.get(1).equals(endpoint)
          && f.get(2).equals(key)) {
        return line;
      }
    }
    throw new AssertionError("no row for " + endpoint + " " + key + " in\n" + source);
  }

  /** Whether the endpoint has a row for the key. */
  boolean hasRow(String endpoint, String key) {
    return endpoints.stream().anyMatch(e -> e.endpoint().equals(endpoint) && e.key().equals(key));
  }

  /** How many rows the section has. */
  int rows() {
    return endpoints.size();
  }

  /**
   * The answer in one slot of an endpoint's row, as {@code 401 WWW-Authenticate: Bearer
   * realm="x"}, {@code 303 Location: /login} or {@code 403}; {@code none} where the slot is empty.
   *
   * @param on an {@code Expired} constant's name
   * @param kind {@code BROWSER} or {@code API}
   */
  String answer(String endpoint, String key, String on, String kind) {
    row(endpoint, key); // fails with the section when there is none
    PolicyFileReading.Endpoint row = endpoints.stream()
        .filter(e -> e.endpoint().equals(endpoint) && e.key().equals(key)).findFirst().orElseThrow();
    String answer = answer(row, on, kind);
    return answer == null ? "none" : answer;
  }

  /**
   * The answer in one slot of an endpoint's record as the runtime read it, shown as {@link
   * #answer(String, String, String, String)} shows it; {@code null} where the slot is empty.
   */
  static String answer(PolicyFileReading.Endpoint row, String on, String kind) {
    int slot = List.of("SESSION", "ACCESS_TOKEN", "CSRF_TOKEN").indexOf(on) * 2 + (kind.equals("API") ? 1 : 0);
    if (slot >= row.answers().size() || row.answers().get(slot) == null) {
      return null;
    }
    PolicyFileReading.Response response = row.answers().get(slot);
    StringBuilder answer = new StringBuilder().append(response.status());
    for (int i = 0; i + 1 < response.headers().size(); i += 2) {
      answer.append(' ').append(response.headers().get(i)).append(": ").append(response.headers().get(i + 1));
    }
    return answer.toString();
  }
}
