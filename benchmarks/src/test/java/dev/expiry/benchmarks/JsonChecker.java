package dev.expiry.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict JSON reader, only to check that the suite's output is well formed. */
final class JsonChecker {

  private final String s;
  private int i;

  JsonChecker(String s) {
    this.s = s;
  }

  Object parse() {
    Object v = value();
    space();
    if (i != s.length()) {
      throw error("trailing text");
    }
    return v;
  }

  private Object value() {
    space();
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      space();
      if (peek('}')) {
        return m;
      }
      do {
        space();
        String key = string();
        space();
        expect(':');
        m.put(key, value());
        space();
      } while (peek(','));
      expect('}');
      return m;
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      i++;
      space();
      if (peek(']')) {
        return l;
      }
      do {
        l.add(value());
        space();
      } while (peek(','));
      expect(']');
      return l;
    }
    if (c == '"') {
      return string();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (s.startsWith(word, i)) {
        i += word.length();
        return word;
      }
    }
    int start = i;
    if (peek('-')) {
      // sign
    }
    digits();
    if (peek('.')) {
      digits();
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (!peek('+')) {
        peek('-');
      }
      digits();
    }
    return Double.parseDouble(s.substring(start, i));
  }

  private void digits() {
    int start = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start) {
      throw error("digits expected");
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        if (e == 'u') {
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw error("bad escape");
        } else {
          b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }

  private boolean peek(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private void space() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(message + " at " + i + ": "
        + s.substring(Math.max(0, i - 30), Math.min(s.length(), i + 30)));
  }
}
