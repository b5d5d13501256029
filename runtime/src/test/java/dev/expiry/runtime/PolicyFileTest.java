package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy file's reader: fields and their escapes, ids, and what it refuses. */
class PolicyFileTest {

  private static final String VERSION = "expiry-policies\t" + PolicyFile.VERSION + "\n";

  /** What the reader hands over, one line per call, the values in brackets. */
  private static final class Recorder implements PolicyFile.Receiver {
    final List<String> calls = new ArrayList<>();

    @Override
    public Object response(int status, String type, String title, String detail, String[] headers) {
      String response = "response " + status + " [" + type + "] [" + title + "] [" + detail + "] " + Arrays.toString(headers);
      calls.add(response);
      return response;
    }

    @Override
    public Object answers(List<Object> responses) {
      return responses;
    }

    @Override
    public void servlet(String servletClass, String method, Object answers) {
      calls.add("servlet " + servletClass + " " + method + " " + answers);
    }

    @Override
    public void handler(String endpointClass, String method, Object answers) {
      calls.add("handler " + endpointClass + " " + method + " " + answers);
    }
  }

  private static List<String> read(String text) throws IOException, PolicyFile.Malformed {
    Recorder recorder = new Recorder();
    PolicyFile.read(new BufferedReader(new StringReader(text)), recorder);
    return recorder.calls;
  }

  private static String refused(String text) {
    return assertThrows(PolicyFile.Malformed.class, () -> read(text)).getMessage();
  }

  /** Each value as a writer escapes it in a field, and back. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "tab       | 'a\\tb'          | 'a\tb'",
      "line feed | 'a\\nb'          | 'a\nb'",
      "CR LF     | 'a\\r\\nb'       | 'a\r\nb'",
      "backslash | 'C:\\\\dir'      | 'C:\\dir'",
      "escape-like text | 'a \\\\t b' | 'a \\t b'",
      "quotes    | 'realm=\"x\"'    | 'realm=\"x\"'",
      "empty     | ''               | ''",
  })
  void oddFieldValuesComeBackAsWritten(String what, String escaped, String value) throws Exception {
    assertEquals(List.of("x", value, "y"), PolicyFile.fields("x\t" + escaped + "\ty"));
    List<String> calls = read(VERSION + "package\tp\nresponse\tr0\t401\t" + escaped + "\t" + escaped + "\t" + escaped
        + "\tWWW-Authenticate\t" + escaped + "\nanswers\ta0\t-\tr0\nservlet\tp.S\t*\ta0\n");
    String response = "response 401 [" + value + "] [" + value + "] [" + value + "] [WWW-Authenticate, " + value + "]";
    assertEquals(List.of(response, "servlet p.S * [null, " + response + "]"), calls);
  }

  @Test
  void commentsAndEmptyLinesAreSkippedAndIdsAreLocalToTheirPackage() throws Exception {
    List<String> calls = read("# a header\n" + VERSION + "\npackage\tp\nresponse\tr0\t403\tabout:blank\tT\tD\n"
        + "# session: browser 403\nanswers\ta0\tr0\n# doGet()\nservlet\tp.S\tGET\ta0\n\n"
        + "package\tq\nresponse\tr0\t401\tabout:blank\tT\tD\tWWW-Authenticate\tX\nanswers\ta0\t-\tr0\n"
        + "# GET /x\nhandler\tq.C\tget(java.lang.String)\ta0\n");
    assertEquals(List.of(
        "response 403 [about:blank] [T] [D] []",
        "servlet p.S GET [response 403 [about:blank] [T] [D] []]",
        "response 401 [about:blank] [T] [D] [WWW-Authenticate, X]",
        "handler q.C get(java.lang.String) [null, response 401 [about:blank] [T] [D] [WWW-Authenticate, X]]"), calls);
  }

  @Test
  void aNewerFormatVersionIsRefusedNamingBoth() {
    String message = refused("# written by a later processor\nexpiry-policies\t" + (PolicyFile.VERSION + 1) + "\n");
    assertTrue(message.contains("format " + (PolicyFile.VERSION + 1)), message);
    assertTrue(message.contains("reads format " + PolicyFile.VERSION), message);
  }

  @Test
  void aNewerFormatNamesTheProcessorAndTheRuntimeVersionsOnOneLine() {
    String message = refused("expiry-policies\t" + (PolicyFile.VERSION + 1) + "\t9.0.0\n");
    assertEquals("written by expiry-processor 9.0.0 in format " + (PolicyFile.VERSION + 1) + ", but this"
        + " expiry-runtime " + PolicyFile.runtimeVersion() + " reads format " + PolicyFile.VERSION + " only: use the"
        + " same version of expiry-runtime and expiry-processor. Until then the endpoints of this file answer"
        + " as if they had no policy; the other policy files are served.", message);
    assertTrue(PolicyFile.runtimeVersion().matches("\\d+\\.\\d+\\.\\d+.*"), PolicyFile.runtimeVersion());
    assertTrue(!message.contains("\n"), message);
  }

  @Test
  void theProcessorVersionAfterTheFormatIsReadAsANameOnly() throws Exception {
    assertEquals(List.of("servlet p.S * [null, response 401 [t] [T] [D] []]"), read("expiry-policies\t"
        + PolicyFile.VERSION + "\t0.1.0\textra\npackage\tp\nresponse\tr0\t401\tt\tT\tD\nanswers\ta0\t-\tr0\n"
        + "servlet\tp.S\t*\ta0\n").subList(1, 2));
  }

  @Test
  void aFileWithoutTheVersionRecordIsRefused() {
    assertEquals("line 1: not an Expiry policy file", refused("package\tp\n"));
    assertEquals("empty", refused("# only a comment\n\n"));
  }

  @Test
  void anUnknownRecordIsRefused() {
    String message = refused(VERSION + "package\tp\nredirect\tp.S\t/login\n");
    assertTrue(message.startsWith("line 3: unknown record \"redirect\""), message);
  }

  @Test
  void anIdThatNoRecordAboveDefinesIsRefused() {
    assertEquals("line 3: no answers a0 above", refused(VERSION + "package\tp\nservlet\tp.S\t*\ta0\n"));
    assertEquals("line 3: no response r1 above", refused(VERSION + "package\tp\nanswers\ta0\tr1\n"));
    // Ids are local to their package: one defined in p is dangling in q.
    assertEquals("line 6: no answers a0 above", refused(VERSION + "package\tp\nresponse\tr0\t403\tabout:blank\tT\tD\n"
        + "answers\ta0\tr0\npackage\tq\nservlet\tq.S\t*\ta0\n"));
  }

  @Test
  void malformedRecordsAreRefusedWithTheirLine() {
    String response = "response\tr0\t403\tabout:blank\tT\tD";
    assertEquals("line 4: id r0 defined twice", refused(VERSION + "package\tp\n" + response + "\n" + response + "\n"));
    assertEquals("line 3: header names and values must come in pairs",
        refused(VERSION + "package\tp\n" + response + "\tLocation\n"));
    assertEquals("line 3: servlet with 2 fields", refused(VERSION + "package\tp\nservlet\tp.S\t*\n"));
    // (A field's escapes are read before the record is: these messages carry no line number yet.)
    String backslash = refused(VERSION + "package\tp\n" + response + "\\\n");
    assertTrue(backslash.endsWith("a backslash ends the line"), backslash);
    String escape = refused(VERSION + "package\tp\n" + response + "\\x\n");
    assertTrue(escape.endsWith("unknown escape \\x"), escape);
  }
}
