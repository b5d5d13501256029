package dev.expiry.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the policy file the Expiry annotation processor writes into every jar it compiles,
 * {@value #PATH}: for each Java package, each distinct response once, each distinct combination of
 * responses once, then one line per endpoint. Everything in it was rendered and checked at compile
 * time; reading it is splitting lines.
 *
 * <p>The format, version {@value #VERSION}: UTF-8 text, one record per line, fields separated by a
 * tab; {@code \t}, {@code \n}, {@code \r} and {@code \\} stand for a tab, a line feed, a carriage
 * return and a backslash inside a field; lines starting with {@code #} and empty lines are
 * comments. The first record is {@code expiry-policies <format version> [<processor version>]} (the
 * processor's version, and any field after it, only name the writer in messages); then, per
 * package:
 *
 * <pre>
 * package   &lt;name&gt;
 * response  &lt;id&gt; &lt;status&gt; &lt;problem type&gt; &lt;title&gt; &lt;detail&gt; [&lt;header name&gt; &lt;header value&gt;]...
 * answers   &lt;id&gt; [&lt;response id or -&gt;]...   per expiry (session, access token, CSRF token): browser, then API
 * servlet   &lt;servlet class&gt; &lt;HTTP method or *&gt; &lt;answers id&gt;
 * handler   &lt;controller or resource class&gt; &lt;method key&gt; &lt;answers id&gt;
 * </pre>
 *
 * Ids are local to their package. A record type this version does not know is an error, so that a
 * runtime older than the processor says so instead of guessing.
 */
final class PolicyFile {

  /** Where each jar carries its policies. */
  static final String PATH = "META-INF/expiry/policies";

  /** The format version this runtime reads. */
  static final int VERSION = 1;

  private PolicyFile() {}

  /** A file that cannot be read as a whole. */
  static class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  /** A file of a format version this runtime does not read: the message names both versions. */
  static final class OtherVersion extends Malformed {
    OtherVersion(String message) {
      super(message);
    }
  }

  /**
   * The version of {@code expiry-runtime} the build wrote into its {@code version.properties},
   * {@code "unknown"} without one.
   */
  static String runtimeVersion() {
    try (InputStream in = PolicyFile.class.getResourceAsStream("version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "unknown").strip();
      return v.isEmpty() || v.contains("${") ? "unknown" : v;
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** What a file declares, handed to the receiver record by record. */
  interface Receiver {
    Object response(int status, String type, String title, String detail, String[] headers);

    Object answers(List<Object> responses);

    void servlet(String servletClass, String method, Object answers);

    void handler(String endpointClass, String method, Object answers);
  }

  /** Reads one file, throwing {@link Malformed} at the first line it cannot read. */
  static void read(URL url, Receiver receiver) throws IOException, Malformed {
    try (InputStream in = url.openStream();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      read(lines, receiver);
    }
  }

  static void read(BufferedReader lines, Receiver receiver) throws IOException, Malformed {
    Map<String, Object> responses = new HashMap<>();
    Map<String, Object> answers = new HashMap<>();
    boolean versioned = false;
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        List<String> f = fields(line);
        String kind = f.get(0);
        if (!versioned) {
          int version = kind.equals("expiry-policies") && f.size() >= 2 ? formatVersion(f.get(1)) : -1;
          if (version < 0) {
            throw new Malformed("not an Expiry policy file");
          }
          if (version != VERSION) {
            String writer = f.size() > 2 && !f.get(2).isBlank() ? "expiry-processor " + f.get(2) : (version > VERSION ? "a newer" : "an older") + " expiry-processor";
            throw new OtherVersion("written by " + writer + " in format " + version + ", but this expiry-runtime "
                + runtimeVersion() + " reads format " + VERSION + " only: use the same version of expiry-runtime"
                + " and expiry-processor. Until then the endpoints of this file answer as if they had no policy;"
                + " the other policy files are served.");
          }
          versioned = true;
          continue;
        }
        switch (kind) {
          case "package" -> {
            expect(f, 2, 2);
            responses.clear();
            answers.clear();
          }
          case "response" -> {
            expect(f, 6, Integer.MAX_VALUE);
            if ((f.size() - 6) % 2 != 0) {
              throw new Malformed("header names and values must come in pairs");
            }
            String[] headers = f.subList(6, f.size()).toArray(new String[0]);
            define(responses, f.get(1), receiver.response(Integer.parseInt(f.get(2)), f.get(3), f.get(4), f.get(5), headers));
          }
          case "answers" -> {
            expect(f, 2, 2 + AnswerRow.SLOTS);
            List<Object> slots = new ArrayList<>();
            for (String id : f.subList(2, f.size())) {
              slots.add(id.equals("-") ? null : lookUp(responses, id, "response"));
            }
            define(answers, f.get(1), receiver.answers(slots));
          }
          case "servlet" -> {
            expect(f, 4, 4);
            receiver.servlet(f.get(1), f.get(2), lookUp(answers, f.get(3), "answers"));
          }
          case "handler" -> {
            expect(f, 4, 4);
            receiver.handler(f.get(1), f.get(2), lookUp(answers, f.get(3), "answers"));
          }
          default -> throw new Malformed("unknown record \"" + kind + "\" (written by a newer expiry-processor?)");
        }
      } catch (OtherVersion e) {
        throw e;
      } catch (Malformed | RuntimeException e) {
        throw new Malformed("line " + number + ": " + e.getMessage());
      }
    }
    if (!versioned) {
      throw new Malformed("empty");
    }
  }

  /** The format version of the first record, -1 when it is not a number. */
  private static int formatVersion(String field) {
    if (field.isEmpty() || field.length() > 9 || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Integer.parseInt(field);
  }

  private static void expect(List<String> fields, int min, int max) throws Malformed {
    if (fields.size() < min || fields.size() > max) {
      throw new Malformed(fields.get(0) + " with " + (fields.size() - 1) + " fields");
    }
  }

  private static void define(Map<String, Object> ids, String id, Object value) throws Malformed {
    if (ids.putIfAbsent(id, value) != null) {
      throw new Malformed("id " + id + " defined twice");
    }
  }

  private static Object lookUp(Map<String, Object> ids, String id, String what) throws Malformed {
    Object value = ids.get(id);
    if (value == null) {
      throw new Malformed("no " + what + " " + id + " above");
    }
    return value;
  }

  /** The fields of a line, unescaped. */
  static List<String> fields(String line) throws Malformed {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\\') {
        if (++i == line.length()) {
          throw new Malformed("a backslash ends the line");
        }
        char e = line.charAt(i);
        field.append(switch (e) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case '\\' -> '\\';
          default -> throw new Malformed("unknown escape \\" + e);
        });
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
