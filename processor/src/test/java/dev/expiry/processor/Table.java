package dev.expiry.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated table class, read back the way the runtime takes it: the row an endpoint gets, the
 * combination it points at, and the response in each slot. For assertions that say which endpoint
 * gets which answer without spelling out the numbering of constants.
 */
final class Table {

  private static final Pattern ROW = Pattern.compile(
      "policies\\.(servlet|handler)\\(\"((?:[^\"\\\\]|\\\\.)*)\", (\"(?:[^\"\\\\]|\\\\.)*\"|ExpiryHandler\\.Policies\\.ANY_METHOD), a\\[(\\d+)]\\);");
  private static final Pattern COMBINATION = Pattern.compile("a\\[(\\d+)] = policies\\.answers\\(([^;]*)\\);");
  private static final Pattern RESPONSE = Pattern.compile("r\\[(\\d+)] = policies\\.response\\((\\d+), (.*)\\);");
  private static final Pattern CONSTANT = Pattern.compile("private static final String (\\w+) = (\".*\");");

  private final String source;

  private Table(String source) {
    this.source = source;
  }

  /** The generated source of the table class {@code qualifiedName}. */
  static Table of(Compilation c, String qualifiedName) {
    try {
      return new Table(c.generatedSourceFile(qualifiedName)
          .orElseThrow(() -> new AssertionError("no " + qualifiedName + " in " + c.generatedSourceFiles()))
          .getCharContent(true).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String source() {
    return source;
  }

  /**
   * The statement declaring the endpoint's row, such as {@code policies.handler("test.C", "get()",
   * a[0]);}.
   *
   * @param key an HTTP method, {@code *} for a servlet's every other method, or a method key
   */
  String row(String endpoint, String key) {
    for (Matcher m = ROW.matcher(source); m.find(); ) {
      String k = m.group(3).equals("ExpiryHandler.Policies.ANY_METHOD") ? "*" : unquote(m.group(3));
      if (unquote("\"" + m.group(2) + "\"").equals(endpoint) && k.equals(key)) {
        return m.group();
      }
    }
    throw new AssertionError("no row for " + endpoint + " " + key + " in\n" + source);
  }

  /** Whether the endpoint has a row for the key. */
  boolean hasRow(String endpoint, String key) {
    try {
      row(endpoint, key);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** How many rows the table has. */
  int rows() {
    int n = 0;
    for (Matcher m = ROW.matcher(source); m.find(); ) {
      n++;
    }
    return n;
  }

  /**
   * The answer in one slot of an endpoint's row, as {@code 401 WWW-Authenticate: Bearer
   * realm="x"}, {@code 303 Location: /login} or {@code 403}; {@code none} where the slot is empty.
   *
   * @param on an {@code Expired} constant's name
   * @param kind {@code BROWSER} or {@code API}
   */
  String answer(String endpoint, String key, String on, String kind) {
    Matcher row = ROW.matcher(row(endpoint, key));
    row.find();
    String combination = combinations().get(Integer.parseInt(row.group(4)));
    List<String> slots = split(combination);
    int slot = List.of("SESSION", "ACCESS_TOKEN", "CSRF_TOKEN").indexOf(on) * 2 + (kind.equals("API") ? 1 : 0);
    if (slot >= slots.size() || slots.get(slot).equals("null")) {
      return "none";
    }
    Matcher r = Pattern.compile("r\\[(\\d+)]").matcher(slots.get(slot));
    r.find();
    return responses().get(Integer.parseInt(r.group(1)));
  }

  private Map<Integer, String> combinations() {
    Map<Integer, String> found = new HashMap<>();
    for (Matcher m = COMBINATION.matcher(source); m.find(); ) {
      found.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    return found;
  }

  private Map<Integer, String> responses() {
    Map<String, String> constants = new HashMap<>();
    for (Matcher m = CONSTANT.matcher(source); m.find(); ) {
      constants.put(m.group(1), unquote(m.group(2)));
    }
    Map<Integer, String> found = new HashMap<>();
    for (Matcher m = RESPONSE.matcher(source); m.find(); ) {
      List<String> args = split(m.group(3));
      StringBuilder answer = new StringBuilder(m.group(2));
      for (int i = 3; i + 1 < args.size(); i += 2) {
        String value = args.get(i + 1);
        answer.append(' ').append(unquote(args.get(i))).append(": ")
            .append(value.startsWith("\"") ? unquote(value) : constants.get(value));
      }
      found.put(Integer.parseInt(m.group(1)), answer.toString());
    }
    return found;
  }

  /** Splits an argument list at the commas outside string literals. */
  private static List<String> split(String arguments) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < arguments.length(); i++) {
      char c = arguments.charAt(i);
      if (quoted && c == '\\') {
        part.append(c).append(arguments.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        parts.add(part.toString().trim());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    if (part.length() > 0) {
      parts.add(part.toString().trim());
    }
    return parts;
  }

  /** The value of a Java string literal. */
  private static String unquote(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      out.append(c == '\\' ? literal.charAt(++i) : c);
    }
    return out.toString();
  }
}
