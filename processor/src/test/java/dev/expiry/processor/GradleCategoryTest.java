package dev.expiry.processor;

import static dev.expiry.processor.IncrementalBuildTest.ACCOUNT;
import static dev.expiry.processor.IncrementalBuildTest.SHOP;
import static dev.expiry.processor.IncrementalBuildTest.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.expiry.processor.write.PolicyFileWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor declares itself to Gradle as {@code aggregating}: one policy file made from every
 * endpoint of the compilation. What Gradle asks of such a processor, checked against what it does:
 * files only through the {@code Filer}, every type the file is made from named as an originating
 * element, and output that depends on nothing a class file loses (SOURCE-retention annotations such
 * as {@code @SuppressWarnings}), so that Gradle may hand it unchanged types as class files.
 */
class GradleCategoryTest {

  private static final String POLICY_FILE = "resource CLASS_OUTPUT/" + PolicyFileWriter.PATH;

  @TempDir
  Path dir;

  @Test
  void theProcessorJarDeclaresItAggregating() throws IOException, URISyntaxException {
    Path classes = Path.of(ExpiryProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertEquals(List.of(ExpiryProcessor.class.getName() + ",aggregating"),
        Files.readAllLines(classes.resolve("META-INF/gradle/incremental.annotation.processors")));
    // Gradle finds the processor through the same name javac does.
    assertEquals(List.of(ExpiryProcessor.class.getName()),
        Files.readAllLines(classes.resolve("META-INF/services/javax.annotation.processing.Processor")));
    // With "*", Gradle reprocesses every type of the compilation (each root's top-level type), which a
    // file of all the endpoints of each package, also of those without any policy of their own, needs.
    assertEquals(Set.of("*"), new ExpiryProcessor().getSupportedAnnotationTypes());
  }

  @Test
  void everyEndpointThePolicyFileListsIsAnOriginatingElement() throws IOException {
    Project p = shop(dir.resolve("p"));
    WrappedProcessor full = new WrappedProcessor(new ExpiryProcessor());
    p.build(p.sources(), List.of(), full).assertClean();
    assertOriginatingElementsCover(p, full, List.of("com.acme.admin", SHOP));

    // An IDE's incremental build behind the same wrapping: the endpoints compiled earlier come from
    // out/. The section of the package not compiled is kept as it was, its classes not named.
    p.write(ACCOUNT, IncrementalBuildTest.account("account, renamed")).deleteClasses(ACCOUNT);
    WrappedProcessor ide = new WrappedProcessor(new ExpiryProcessor());
    p.build(List.of(ACCOUNT), List.of(), ide).assertClean();
    assertOriginatingElementsCover(p, ide, List.of(SHOP));
    assertEquals(IncrementalBuildTest.declared(IncrementalBuildTest.cleanBuildOf(p, dir.resolve("clean"))),
        IncrementalBuildTest.declared(p));

    // Gradle's: the files are deleted, and the unchanged types are handed again from their class files.
    List<String> unchanged = IncrementalBuildTest.topLevelTypes(p).stream().filter(t -> !t.equals(ACCOUNT)).toList();
    Files.delete(p.policyFilePath());
    Files.delete(p.policyFilePath().resolveSibling("report.json"));
    p.deleteClasses(ACCOUNT);
    WrappedProcessor gradle = new WrappedProcessor(new ExpiryProcessor());
    p.build(List.of(ACCOUNT), unchanged, gradle).assertClean();
    assertOriginatingElementsCover(p, gradle, List.of("com.acme.admin", SHOP));
  }

  /**
   * What Gradle decides from: a processor that supports {@code "*"} is handed every annotation type
   * on the round's elements, also those of source retention ({@code @Override}, {@code
   * @SuppressWarnings}), which class files do not keep. Gradle records a full recompilation as
   * needed when an aggregating processor is handed one of those, so a source set that uses them is
   * compiled whole after each change: correct, only not incremental.
   */
  @Test
  void javacHandsAProcessorOfEveryAnnotationTheSourceRetentionOnesToo() {
    Project p = shop(dir.resolve("p"));
    WrappedProcessor recorded = new WrappedProcessor(new ExpiryProcessor());
    p.build(p.sources(), List.of(), recorded).assertClean();
    assertTrue(recorded.annotationsSeen.containsAll(List.of("java.lang.Override", "java.lang.SuppressWarnings",
        "dev.expiry.ExpiryPolicy")), recorded.annotationsSeen.toString());
  }

  /**
   * The policy file was written in this build, and every endpoint class its sections for these
   * packages list is among the originating elements the processor named for it.
   */
  private static final String REPORT = "resource CLASS_OUTPUT/" + dev.expiry.processor.write.ReportWriter.PATH;

  private static void assertOriginatingElementsCover(Project p, WrappedProcessor recorded, List<String> packages) {
    Set<String> originating = recorded.originating.get(POLICY_FILE);
    assertTrue(originating != null, () -> "the policy file was not written; written: " + recorded.originating.keySet());
    assertEquals(Set.of(POLICY_FILE, REPORT), recorded.originating.keySet(), "the processor writes nothing else");
    List<String> listed = Declared.load(p.out).endpointClasses().stream()
        .filter(c -> packages.contains(c.substring(0, c.lastIndexOf('.')))).toList();
    assertFalse(listed.isEmpty());
    assertTrue(originating.containsAll(listed),
        () -> "the policy file lists " + listed + " but names as originating " + originating);
    // The report lists every endpoint, also those without a policy: each is an originating element of it.
    Set<String> reportOrigins = recorded.originating.get(REPORT);
    List<String> reported = new java.util.ArrayList<>();
    try {
      for (var pkg : new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.report().orElseThrow()).get("packages")) {
        if (packages.contains(pkg.get("package").asText())) {
          pkg.get("endpoints").forEach(e -> reported.add(e.get("class").asText()));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(reported.size() >= listed.size(), reported::toString);
    assertTrue(reportOrigins.containsAll(reported),
        () -> "the report lists " + reported + " but names as originating " + reportOrigins);
  }
}
