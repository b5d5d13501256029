package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.expiry.processor.write.Answer;
import dev.expiry.processor.write.PolicyFileWriter;
import dev.expiry.processor.write.Row;
import dev.expiry.runtime.PolicyFileReading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What the writer puts in the policy file, read back by expiry-runtime's reader: fields of any
 * value, a large package, and the merge with the file an earlier compilation left in the output.
 */
class PolicyFileWriterTest {

  private static final PolicyFileWriter WRITER = new PolicyFileWriter("test", "1.2.3");

  private static Answer challenge(String scheme) {
    return new Answer(401, "about:blank", "Session expired", "Log in again.", "WWW-Authenticate", scheme, "");
  }

  /** Servlets {@code pkg.S00000}... that answer API clients' expired sessions with {@code answer}. */
  private static List<Row> rows(String pkg, int endpoints, Answer answer) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      Answer[] answers = new Answer[Row.SLOTS];
      answers[1] = answer;
      rows.add(new Row(String.format("%s.S%05d", pkg, i), true, "*", "every method", Arrays.asList(answers)));
    }
    return rows;
  }

  private static String write(Map<String, List<Row>> packages, String existing) {
    return WRITER.write(new TreeMap<>(packages), existing);
  }

  @Test
  void tabsLineBreaksAndBackslashesInFieldsComeBackAsWritten() {
    Answer odd = new Answer(401, "urn:problem:a\\b", "Tab\there", "Line\nbreak,\r\nCRLF, a \\ and a literal \\t",
        "WWW-Authenticate", "A realm=\"C:\\\\dir\"", "/login?next=\\n");
    Answer[] answers = new Answer[Row.SLOTS];
    answers[0] = odd;
    String file = write(Map.of("p", List.of(new Row("p.S", true, "GET", "doGet()", Arrays.asList(answers)))), "");

    List<PolicyFileReading.Endpoint> endpoints = PolicyFileReading.read(file);
    assertThat(endpoints).containsExactly(new PolicyFileReading.Endpoint(true, "p.S", "GET", Arrays.asList(
        new PolicyFileReading.Response(401, "urn:problem:a\\b", "Tab\there", "Line\nbreak,\r\nCRLF, a \\ and a literal \\t",
            List.of("WWW-Authenticate", "A realm=\"C:\\\\dir\"", "Location", "/login?next=\\n")))));
    // One record a line: the version, the package, the response, the combination, the servlet.
    assertThat(file.lines().filter(l -> !l.isEmpty() && !l.startsWith("#"))).hasSize(5);
  }

  @Test
  void aCommentWithALineBreakStaysOneCommentLine() {
    Answer[] answers = new Answer[Row.SLOTS];
    answers[1] = challenge("X");
    String file = write(Map.of("p", List.of(new Row("p.C", false, "get()", "GET /a\rb\nc\r\nd", Arrays.asList(answers)))),
        "");
    assertThat(PolicyFileReading.read(file)).hasSize(1);
    assertThat(file).contains("\n# GET /a b c  d\nhandler\tp.C\tget()\ta0\n");
  }

  @Test
  void aLargePackageIsOneSectionWithItsOneResponseAndOneCombination() {
    String file = write(Map.of("p", rows("p", 2_001, challenge("X"))), "");
    assertThat(Table.packages(file)).containsExactly("p");
    Table table = Table.of(file, "p");
    assertThat(table.rows()).isEqualTo(2_001);
    assertThat(table.source().lines().filter(l -> l.startsWith("response\t"))).hasSize(1);
    assertThat(table.source().lines().filter(l -> l.startsWith("answers\t"))).hasSize(1);
    assertThat(table.row("p.S02000", "*")).isEqualTo("servlet\tp.S02000\t*\ta0");
  }

  @Test
  void aHundredThousandEndpointsEachWithItsOwnAnswerAreAllReadByTheRuntime() {
    // Data has no class-file limits; what must hold at any size is that nothing is lost.
    Map<String, List<Row>> packages = new TreeMap<>();
    for (int p = 0; p < 10; p++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        Answer[] answers = new Answer[Row.SLOTS];
        answers[1] = challenge("S" + p + "x" + i);
        rows.add(new Row(String.format("p%d.S%05d", p, i), true, "*", "every method", Arrays.asList(answers)));
      }
      packages.put("p" + p, rows);
    }
    packages.put("big", rows("big", 20_000, challenge("Shared")));
    String file = write(packages, "");
    List<PolicyFileReading.Endpoint> read = PolicyFileReading.read(file);
    assertThat(read).hasSize(120_000);
    assertThat(read.get(0).endpoint()).isEqualTo("big.S00000");
    PolicyFileReading.Endpoint last = read.get(read.size() - 1);
    assertThat(last.endpoint()).isEqualTo("p9.S09999");
    assertThat(last.answers().get(1).headers()).containsExactly("WWW-Authenticate", "S9x9999").inOrder();
  }

  @Test
  void anExistingFileKeepsTheSectionsOfPackagesNotRewritten() {
    String existing = write(Map.of("p", rows("p", 2, challenge("P")), "q", rows("q", 1, challenge("Q"))), "");
    String updated = write(Map.of("q", rows("q", 3, challenge("Changed")), "o", rows("o", 1, challenge("O"))), existing);

    assertThat(Table.packages(updated)).containsExactly("o", "p", "q").inOrder();
    assertThat(Table.of(updated, "p").source()).isEqualTo(Table.of(existing, "p").source());
    Table q = Table.of(updated, "q");
    assertThat(q.rows()).isEqualTo(3);
    assertThat(q.answer("q.S00002", "*", "SESSION", "API")).isEqualTo("401 WWW-Authenticate: Changed");
    assertThat(q.source()).doesNotContain("\tQ\n");
    // Written again from the same rows, the file is the same text.
    assertThat(write(Map.of("q", rows("q", 3, challenge("Changed")), "o", rows("o", 1, challenge("O"))), updated))
        .isEqualTo(updated);
  }

  @Test
  void aPackageRewrittenWithNoRowsLosesItsSection() {
    String existing = write(Map.of("p", rows("p", 2, challenge("P")), "q", rows("q", 1, challenge("Q"))), "");
    String updated = write(Map.of("p", List.of()), existing);
    assertThat(Table.packages(updated)).containsExactly("q");
    assertThat(Table.of(updated, "q").source()).isEqualTo(Table.of(existing, "q").source());
  }

  @Test
  void withItsLastSectionGoneTheFileStillReadsAsAPolicyFile() {
    String existing = write(Map.of("p", rows("p", 1, challenge("P"))), "");
    String updated = write(Map.of("p", List.of()), existing);
    // A resource cannot be deleted through the Filer: what replaces it must be a file the runtime reads.
    assertThat(PolicyFileReading.read(updated)).isEmpty();
    assertThat(Table.packages(updated)).isEmpty();
  }

  @Test
  void theEndpointClassesOfAnExistingFileAreListedByPackage() {
    List<Row> q = new ArrayList<>(rows("q", 1, challenge("Q")));
    q.add(new Row("q.S00000$Inner", false, "get()", "GET /x", q.get(0).answers()));
    String existing = write(Map.of("p", rows("p", 2, challenge("P")), "q", q), "");
    assertThat(PolicyFileWriter.endpointClassesOf(existing)).isEqualTo(Map.of(
        "p", java.util.Set.of("p.S00000", "p.S00001"), "q", java.util.Set.of("q.S00000", "q.S00000$Inner")));
    assertThat(PolicyFileWriter.endpointClassesOf("")).isEmpty();
  }

  @Test
  void anExistingFileOfAnotherFormatVersionIsNotMergedFrom() {
    String existing = write(Map.of("p", rows("p", 1, challenge("P"))), "")
        .replace("expiry-policies\t" + PolicyFileWriter.VERSION + "\t1.2.3\n", "expiry-policies\t" + (PolicyFileWriter.VERSION + 1) + "\t1.2.3\n");
    String updated = write(Map.of("q", rows("q", 1, challenge("Q"))), existing);
    assertThat(Table.packages(updated)).containsExactly("q");
  }
}
