package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime older than the processor that wrote a jar's policy file: one start-up log line names
 * both versions, the index still loads, and the other jars' policies are served.
 */
class OlderRuntimeTest {

  @TempDir Path dir;

  private static Path jarDir(Path root, String text) throws Exception {
    Path file = root.resolve(PolicyFile.PATH);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return root;
  }

  @Test
  void aNewerFileIsSkippedWithOneLineNamingBothVersionsAndTheRestIsServed() throws Exception {
    Path newer = jarDir(dir.resolve("newer"), "# from the future\nexpiry-policies\t" + (PolicyFile.VERSION + 1)
        + "\t9.1.0\npackage\tp\nrecord-of-the-future\tx\n");
    Path current = jarDir(dir.resolve("current"), "expiry-policies\t" + PolicyFile.VERSION + "\t"
        + PolicyFile.runtimeVersion() + "\npackage\tq\nresponse\tr0\t401\tabout:blank\tT\tD\tWWW-Authenticate\tX realm=\"q\"\n"
        + "answers\ta0\tr0\tr0\nservlet\tq.S\t*\ta0\n");
    List<LogRecord> records = new ArrayList<>();
    Logger log = Logger.getLogger(ExpiryIndex.class.getName());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(capture);
    ExpiryIndex index;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {newer.toUri().toURL(), current.toUri().toURL()}, null)) {
      index = ExpiryIndex.load(loader, "");
    } finally {
      log.removeHandler(capture);
    }
    assertEquals(1, records.size(), () -> records.stream().map(LogRecord::getMessage).toList().toString());
    String line = records.get(0).getMessage();
    assertEquals(java.util.logging.Level.WARNING, records.get(0).getLevel());
    assertTrue(line.startsWith("Expiry skips the policies in " + newer.resolve(PolicyFile.PATH).toUri().toURL()), line);
    assertTrue(line.contains("written by expiry-processor 9.1.0 in format " + (PolicyFile.VERSION + 1)
        + ", but this expiry-runtime " + PolicyFile.runtimeVersion() + " reads format " + PolicyFile.VERSION + " only"), line);
    assertTrue(!line.contains("\n"), line);
    assertEquals(1, index.servletCount());
    assertNotNull(index.servlet("q.S"));
    assertNull(index.servlet("p.S"));
  }
}
