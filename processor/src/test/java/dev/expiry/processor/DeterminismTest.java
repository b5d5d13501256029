package dev.expiry.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources give the same policy file, byte for byte, whatever order javac is handed the
 * sources in (build tools list them as the file system does).
 */
class DeterminismTest {

  @TempDir
  Path dir;

  /** The shop of {@link IncrementalBuildTest}, and a package of servlets that share some responses and not others. */
  private Project project(String name) {
    Project p = IncrementalBuildTest.shop(dir.resolve(name));
    for (int i = 0; i < 60; i++) {
      p.write("com.acme.many.Servlet" + i, """
          package com.acme.many;

          import dev.expiry.Client;
          import dev.expiry.ExpiryPolicy;
          import jakarta.servlet.http.HttpServlet;
          import jakarta.servlet.http.HttpServletRequest;
          import jakarta.servlet.http.HttpServletResponse;

          @ExpiryPolicy(client = Client.BROWSER, status = 303, location = "/login?from=%d")
          @ExpiryPolicy(client = Client.API, status = 401, scheme = "MyAuthScheme", realm = "realm %d")
          public class Servlet%d extends HttpServlet {
            @ExpiryPolicy(status = 401, scheme = "Bearer", realm = "shared")
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
          }
          """.formatted(i % 7, i % 3, i));
    }
    return p;
  }

  @Test
  void theSameSourcesGiveTheSameBytes() {
    Project first = project("first");
    first.buildAll().assertClean();
    Project second = project("second");
    second.buildAll().assertClean();

    assertEquals(List.of("com.acme.admin", "com.acme.many", "com.acme.shop"), first.packages());
    assertEquals(60 * 2, first.section("com.acme.many").rows());
    assertSameBytes(first, second);
  }

  @Test
  void theOrderOfTheSourcesDoesNotMatter() {
    Project sorted = project("sorted");
    sorted.buildAll().assertClean();

    Project reversed = project("reversed");
    List<String> backwards = new ArrayList<>(reversed.sources());
    Collections.reverse(backwards);
    reversed.build(backwards).assertClean();
    assertSameBytes(sorted, reversed);

    Project shuffled = project("shuffled");
    List<String> mixed = new ArrayList<>(shuffled.sources());
    Collections.shuffle(mixed, new Random(7));
    shuffled.build(mixed).assertClean();
    assertSameBytes(sorted, shuffled);
  }

  /** The same policy file, compared as text first so that a failure shows where. */
  private static void assertSameBytes(Project expected, Project actual) {
    assertEquals(expected.policyFile().orElseThrow(), actual.policyFile().orElseThrow());
    assertArrayEquals(expected.policyFileBytes(), actual.policyFileBytes());
  }
}
