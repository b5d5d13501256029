package dev.expiry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Runs what {@code ExampleApp --tour} runs, in-process, so the documented demo keeps working. */
class TourTest {

  @Test
  void tourFindsEveryAnswerAsDeclared() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    boolean passed;
    try (ExampleApp app = ExampleApp.start(0);
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      passed = new Tour(app.uri(), out).run();
    }
    String output = printed.toString(StandardCharsets.UTF_8);

    assertTrue(passed, output);
    assertTrue(output.contains("< WWW-Authenticate: MyAuthScheme realm=\"http://example.com\""), output);
    assertTrue(output.contains("< Location: /login?next=%2Faccount"), output);
    assertTrue(output.contains("< WWW-Authenticate: MyAuthScheme realm=\"example\", error=\"session_expired\""), output);
    assertTrue(output.contains("\"title\":\"Form expired\""), output);
    assertTrue(output.contains("error_description=\"The access token expired\""), output);
    assertTrue(output.contains("< 419"), output);
    assertTrue(output.contains("Every answer is the one its policy declares."), output);
  }

  @Test
  void walkthroughShowsCurlCommandsForTheActualPort() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (ExampleApp app = ExampleApp.start(0);
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      ExampleApp.printWalkthrough(app.uri(), out);
      String output = printed.toString(StandardCharsets.UTF_8);
      String base = "http://localhost:" + app.uri().getPort();

      assertTrue(output.contains("curl -i -c jar -X POST " + base + "/login"), output);
      assertTrue(output.contains("curl -i -b jar " + base + "/api/orders"), output);
    }
  }

  @Test
  void optionsAreParsed() {
    assertEquals(new ExampleApp.Options(OptionalInt.empty(), false), ExampleApp.Options.parse());
    assertEquals(new ExampleApp.Options(OptionalInt.of(0), true),
        ExampleApp.Options.parse("--port", "0", "--tour"));
    assertThrows(IllegalArgumentException.class, () -> ExampleApp.Options.parse("--port"));
    assertThrows(IllegalArgumentException.class, () -> ExampleApp.Options.parse("--port", "x"));
    assertThrows(IllegalArgumentException.class, () -> ExampleApp.Options.parse("--port", "70000"));
    assertThrows(IllegalArgumentException.class, () -> ExampleApp.Options.parse("--verbose"));
  }
}
