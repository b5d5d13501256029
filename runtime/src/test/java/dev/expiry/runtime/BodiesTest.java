package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The problem's escaped instance: the length given before the body is the length written. */
class BodiesTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "/api/orders/42", "/a\"b\\c", "/tab\there", "/line\nbreak\r", "/caf\u00e9",
      "/\u0001\u001f\u007f", "/emoji\ud83d\ude00", "/a;b"})
  void lengthIsWhatIsWritten(String path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bodies.writeJson(path, out);
    assertEquals(out.size(), Bodies.jsonLength(path, -1), path);
  }

  @Test
  void escapesAsJsonInPlainAscii() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bodies.writeJson("/a\"b\\c\n\u00e9\u0001", out);
    assertEquals("/a\\\"b\\\\c\\n\\u00e9\\u0001", out.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void stopsAtTheStopCharacter() {
    assertEquals(-1, Bodies.jsonLength("/api;jsessionid=x", ';'));
    assertEquals(4, Bodies.jsonLength("/api", ';'));
  }
}
