package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How {@link Kinds} reads {@code Accept}, one rule at a time, with the exact quality each header
 * gives JSON ({@code application/problem+json} or {@code application/json}) and HTML: q-values,
 * tokens, quoted strings, repeated and malformed parameters, control characters, case.
 */
class AcceptReadingTest {

  private static int json(String accept) {
    return Kinds.quality(accept, "application", "problem+json", "json");
  }

  private static int html(String accept) {
    return Kinds.quality(accept, "text", "html");
  }

  @ParameterizedTest(name = "[{0}] JSON {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      // q-values: RFC 9110's qvalue, anything else refuses the range
      "application/json | 1000",
      "application/json;q=1 | 1000",
      "application/json;q=1.000 | 1000",
      "application/json;q=1.0 | 1000",
      "application/json;q=0.001 | 1",
      "application/json;q=0.5 | 500",
      "application/json;q=0.25 | 250",
      "application/json;q=0.999 | 999",
      "application/json;q=0 | 0",
      "application/json;q=0. | 0",
      "'application/json;q=1.5, */*' | 1000",
      "'application/json;q=1.001, */*;q=0.3' | 300",
      "'application/json;q=0.0001, */*;q=0.3' | 300",
      "'application/json;q=.5, */*;q=0.3' | 300",
      "'application/json;q=, */*;q=0.3' | 300",
      "'application/json;q=2, */*;q=0.3' | 300",
      "'application/json;q=bad, */*;q=0.3' | 300",
      "'application/json;q=\"0.5\", */*;q=0.3' | 300",
      "application/json;Q=0.4 | 400",
      "application/json;q = 0.7 | 700",
      "'application/json ; q=0.6' | 600",
      "application/json;\tq=0.6 | 600",
      // the most specific range wins, whatever the order
      "'*/*;q=0.1, application/*;q=0.5, application/json;q=0.9' | 900",
      "'application/json;q=0.9, application/*;q=0.5, */*;q=0.1' | 900",
      "'*/*;q=0.1, application/*;q=0.5' | 500",
      "'application/*;q=0.5, */*;q=0.1' | 500",
      "*/*;q=0.2 | 200",
      "application/problem+json;q=0.3 | 300",
      "'application/problem+json;q=0.2, application/json;q=0.6' | 600",
      "'application/json;q=0.7, application/json;q=0.2' | 700",
      // tokens: a type, subtype or parameter that is not one refuses the range
      "'*/json, */*;q=0.1' | 100",
      "'*, application/*;q=0.4' | 400",
      "/json | 0",
      "application/ | 0",
      "'application /json, */*;q=0.1' | 100",
      "'application/json/x, */*;q=0.1' | 100",
      "application/json;a0z9AZ=b0y9BY;q=0.5 | 500",
      "'application/json;a@b=1, */*;q=0.1' | 100",
      "'application/json;a=b[c, */*;q=0.1' | 100",
      "'application/json;a=b{c, */*;q=0.1' | 100",
      "'application/json;a=b:c, */*;q=0.1' | 100",
      "'application/json;a=b/c, */*;q=0.1' | 100",
      "'application/json;a=!#$%&*+-.^_`|~;q=0.5' | 500",
      "'application/json;=1, */*;q=0.1' | 100",
      "'application/json;x=, */*;q=0.1' | 100",
      "application/json;level;q=0.4 | 400",
      "application/json;;q=0.4 | 400",
      // quoted strings: commas and semicolons inside separate nothing
      "'application/json;x=\"a b\";q=0.6' | 600",
      "'application/json;x=\"a,b\";q=0.1, text/html' | 100",
      "'application/json;x=\"a;q=0.9\";q=0.3' | 300",
      "'application/json;x=\"a\\\",b\";q=0.2' | 200",
      "'application/json;x=\"a, */*;q=0.1' | 0",
      // a parameter named twice refuses the range
      "'application/json;q=0.5;q=0.9, */*;q=0.1' | 100",
      "'application/json;a=1;A=2, */*;q=0.1' | 100",
      "application/json;a=1;b=2;q=0.8 | 800",
      // control characters refuse the range; HTAB is whitespace
      "'application/json\u0001, */*;q=0.1' | 100",
      "'application/json;x=\"a\u007Fb\", */*;q=0.1' | 100",
      "'application/json;x=\"a\u001Fb\", */*;q=0.1' | 100",
      "'\tapplication/json\t;q=0.9' | 900",
      // case: ASCII letters only
      "APPLICATION/JSON | 1000",
      "Application/Problem+JSON;q=0.3 | 300",
      "'appl\u0131cation/json, */*;q=0.1' | 100",
      "'application/jso\u212A, */*;q=0.1' | 100",
      // empty ranges and separators
      "'' | 0",
      "',,, application/json;q=0.5,' | 500",
  })
  void jsonQuality(String accept, int quality) {
    assertEquals(quality, json(accept), () -> "JSON quality of [" + accept + "]");
  }

  @ParameterizedTest(name = "[{0}] HTML {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "text/html | 1000",
      "'text/html;x=\"a,b\";q=0.1, application/json;q=0.5' | 100",
      "'text/*;q=0.3, text/html;q=0.8' | 800",
      "'text/*;q=0.3' | 300",
      "'text/htm\u212A, */*;q=0.1' | 100",
      "'text/plain, */*;q=0.2' | 200",
      "'text/html;level=1;q=0.7' | 700",
      "'TEXT/HTML;Q=0.6' | 600",
      "'text/html;q=0.5;Q=0.9, */*;q=0.1' | 100",
  })
  void htmlQuality(String accept, int quality) {
    assertEquals(quality, html(accept), () -> "HTML quality of [" + accept + "]");
  }

  @Test
  void aRangeWithMoreParametersThanAnyClientSendsIsIgnored() {
    StringBuilder most = new StringBuilder("application/json");
    for (int i = 1; i < Kinds.MAX_PARAMETERS; i++) {
      most.append(";p").append(i).append("=1");
    }
    assertEquals(500, json(most + ";q=0.5, */*;q=0.1"), "as many parameters as allowed");
    assertEquals(100, json(most + ";p0=1;q=0.5, */*;q=0.1"), "one more");
    // Thousands of parameters, as a crafted 64 KB header may carry: ignored, not read name by name.
    String crafted = "*/*" + ";a=1".repeat(16_000);
    assertEquals(0, json(crafted));
    assertEquals(0, html(crafted + ", text/html;q=0"));
  }
}
