package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import dev.expiry.processor.write.Answer;
import dev.expiry.processor.write.Row;
import dev.expiry.processor.write.TableWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the writer names what it writes: classes of a large package, later rounds' tables, helper methods. */
class TableWriterTest {

  private static List<Row> rows(int endpoints) {
    Answer answer = new Answer(401, "about:blank", "Session expired", "Log in again.", "WWW-Authenticate", "X", "");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      Answer[] answers = new Answer[Row.SLOTS];
      answers[1] = answer;
      rows.add(new Row(String.format("p.S%05d", i), true, "*", "every method", Arrays.asList(answers)));
    }
    return rows;
  }

  private static List<String> names(List<JavaFile> files) {
    return files.stream().map(f -> f.typeSpec().name()).toList();
  }

  @Test
  void aLargePackageIsSplitOverClassesAndMethodsNamedApart() {
    TableWriter writer = new TableWriter("test");
    List<JavaFile> files = writer.write("p", "p.S00000", rows(2_001), List.of());
    assertThat(names(files)).containsExactly("S00000_ExpiryPolicies", "S00000_ExpiryPolicies2").inOrder();
    List<String> methods = files.get(0).typeSpec().methodSpecs().stream().map(MethodSpec::name).toList();
    assertThat(methods).containsExactly("<init>", "declare", "responses", "answers", "endpoints1", "endpoints2",
        "endpoints3", "endpoints4", "endpoints5").inOrder();
  }

  @Test
  void aPackagesTableOfALaterRoundIsNamedApartFromTheFirst() {
    TableWriter writer = new TableWriter("test");
    assertThat(names(writer.write("p", "p.Outer$Inner", rows(1), List.of()))).containsExactly("Outer_Inner_ExpiryPolicies");
    assertThat(names(writer.write("p", "p.Outer$Inner", rows(1), List.of()))).containsExactly("Outer_Inner_ExpiryPolicies_2");
    assertThat(names(writer.write("q", "q.Outer$Inner", rows(1), List.of()))).containsExactly("Outer_Inner_ExpiryPolicies");
  }
}
