package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client script ships where containers serve it from: {@code META-INF/resources/expiry/expiry.js}. */
class ClientScriptTest {

  @Test
  void theScriptIsInTheRuntimeAtItsDocumentedPath() throws IOException {
    try (InputStream in = ExpiryFilter.class.getClassLoader().getResourceAsStream("META-INF/resources/expiry/expiry.js")) {
      assertNotNull(in, "META-INF/resources/expiry/expiry.js");
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(script.startsWith("/*\n * expiry.js"), "its header comment");
      assertTrue(script.contains("https://expiry.dev/problems/"), "the problem types it recognizes");
      // Small as it goes over the wire: gzip-compressed, as servers and CDNs send scripts.
      java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
        gzip.write(script.getBytes(StandardCharsets.UTF_8));
      }
      assertTrue(gzipped.size() < 10_000, "small: " + gzipped.size() + " bytes gzipped (" + script.length() + " characters)");
    }
  }
}
