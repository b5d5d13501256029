package dev.expiry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a user of the processor jar runs where a diagnostic names it: {@code java -jar
 * expiry-processor-<version>.jar explain <RuleId>}, in a JVM of its own.
 */
class ExplainCommandTest {

  @Test
  void theProcessorJarPrintsARulesPage() throws Exception {
    Path location = Path.of(Class.forName("dev.expiry.processor.Explain").getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (Files.isRegularFile(location)) {
      command.addAll(List.of("-jar", location.toString()));
    } else {
      // `mvn test` without `package` puts the processor's classes, not its jar, on the class path.
      command.addAll(List.of("-cp", location.toString(), "dev.expiry.processor.Explain"));
    }
    command.addAll(List.of("explain", "MissingChallenge"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ends");
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.startsWith("# MissingChallenge\n"), out);
    assertTrue(out.contains("Default severity: **error**"), out);
  }
}
