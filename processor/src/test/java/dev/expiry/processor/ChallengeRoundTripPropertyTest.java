package dev.expiry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.expiry.runtime.PolicyFileReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.ChallengeType;
import org.apache.hc.client5.http.impl.auth.AuthChallengeParser;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.ParserCursor;

/**
 * Generated challenges — odd legal tokens, every visible ASCII character in values, tabs, {@code "}
 * and {@code \}, long values, Bearer's own attributes — compiled with the processor in batches,
 * each rendered challenge read back by two independent parsers (OkHttp's and Apache HttpClient's):
 * the same scheme, the same params in the same order with the same values; and no byte outside
 * HTAB, SP and VCHAR in any header of the policy file.
 *
 * <p>{@value #TRIES} batches; {@code -Dexpiry.challenges=200000} runs that many policies in all
 * instead of the default 20,000.
 */
class ChallengeRoundTripPropertyTest {

  static final int TRIES = 10;
  static final int TOTAL = Integer.getInteger("expiry.challenges", 20_000);
  /** The elements of each generated servlet that carry policies: the class and eight doXxx methods. */
  private static final List<String> ELEMENTS = List.of("*", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH");
  /** Per element, the expiries and kinds of client that each get a policy of their own. */
  private static final List<String> ON = List.of("SESSION", "ACCESS_TOKEN");
  private static final List<String> CLIENT = List.of("BROWSER", "API");
  private static final int PER_CLASS = ELEMENTS.size() * ON.size() * CLIENT.size();

  private static final String TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final Request REQUEST = new Request.Builder().url("http://localhost/").build();
  private static final AtomicLong POLICIES = new AtomicLong();

  /** A challenge as declared: scheme, realm ({@code ""} for none), params in order. */
  record Challenge(String scheme, String realm, List<Map.Entry<String, String>> params) {

    /** The params a parser reports: the realm first when there is one. */
    List<Map.Entry<String, String>> all() {
      List<Map.Entry<String, String>> all = new ArrayList<>();
      if (!realm.isEmpty()) {
        all.add(Map.entry("realm", realm));
      }
      all.addAll(params);
      return all;
    }
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void everyAcceptedChallengeRoundTripsThroughTwoParsers(@ForAll("batches") List<Challenge> batch) throws Exception {
    StringBuilder src = new StringBuilder("package gen;\n\nimport dev.expiry.Client;\nimport dev.expiry.Expired;\n"
        + "import dev.expiry.ExpiryPolicy;\nimport dev.expiry.Param;\nimport jakarta.servlet.http.HttpServlet;\n"
        + "import jakarta.servlet.http.HttpServletRequest;\nimport jakarta.servlet.http.HttpServletResponse;\n\n"
        + "public class B {\n");
    Map<String, Challenge> expected = new HashMap<>();
    int next = 0;
    for (int c = 0; next < batch.size(); c++) {
      for (String element : ELEMENTS) {
        StringBuilder annotations = new StringBuilder();
        for (int on = 0; on < ON.size(); on++) {
          for (int kind = 0; kind < CLIENT.size(); kind++) {
            Challenge challenge = batch.get(next++ % batch.size());
            expected.put("gen.B$S" + c + " " + element + " " + (on * 2 + kind), challenge);
            annotations.append("  @ExpiryPolicy(on = Expired.").append(ON.get(on)).append(", client = Client.")
                .append(CLIENT.get(kind)).append(", status = 401, scheme = ").append(literal(challenge.scheme()))
                .append(", realm = ").append(literal(challenge.realm())).append(", params = {");
            for (int i = 0; i < challenge.params().size(); i++) {
              Map.Entry<String, String> p = challenge.params().get(i);
              annotations.append(i == 0 ? "" : ", ").append("@Param(name = ").append(literal(p.getKey()))
                  .append(", value = ").append(literal(p.getValue())).append(")");
            }
            annotations.append("})\n");
          }
        }
        if (element.equals("*")) {
          src.append(annotations).append("  public static class S").append(c).append(" extends HttpServlet {\n");
        } else {
          String method = "do" + element.charAt(0) + element.substring(1).toLowerCase(Locale.ROOT);
          src.append(annotations.toString().replace("\n  @", "\n    @").replaceFirst("^  @", "    @"))
              .append("    @Override protected void ").append(method)
              .append("(HttpServletRequest q, HttpServletResponse r) {}\n");
        }
      }
      src.append("  }\n");
    }
    src.append("}\n");
    Compilation compilation = javac().withProcessors(new ExpiryProcessor())
        .compile(JavaFileObjects.forSourceString("gen.B", src.toString()));
    assertThat(compilation).succeededWithoutWarnings();
    String file = Table.file(compilation).orElseThrow();
    int checked = 0;
    for (PolicyFileReading.Endpoint endpoint : PolicyFileReading.read(file)) {
      for (int slot = 0; slot < endpoint.answers().size(); slot++) {
        PolicyFileReading.Response response = endpoint.answers().get(slot);
        for (String h : response.headers()) {
          assertFieldChars(h);
        }
        Challenge challenge = expected.get(endpoint.endpoint() + " " + endpoint.key() + " " + slot);
        assertEquals(List.of("WWW-Authenticate"), List.of(response.headers().get(0)));
        String header = response.headers().get(1);
        assertOkHttpReads(challenge, header);
        assertHttpClientReads(challenge, header);
        checked++;
      }
    }
    assertEquals(expected.size(), checked, "every policy has its answer in the policy file");
    POLICIES.addAndGet(checked);
  }

  @AfterContainer
  static void report() {
    System.out.println("[challenges] " + POLICIES.get() + " policies compiled, rendered and read back by OkHttp and"
        + " Apache HttpClient");
  }

  private static void assertFieldChars(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        throw new AssertionError("a header carries U+" + Integer.toHexString(c) + ": " + value);
      }
    }
  }

  private static void assertOkHttpReads(Challenge expected, String header) {
    Response response = new Response.Builder().request(REQUEST).protocol(Protocol.HTTP_1_1).code(401)
        .message("Unauthorized").header("WWW-Authenticate", header).build();
    List<okhttp3.Challenge> read = response.challenges();
    assertEquals(1, read.size(), () -> "OkHttp reads " + read + " from " + header);
    assertEquals(expected.scheme(), read.get(0).scheme(), header);
    Map<String, String> params = new LinkedHashMap<>();
    expected.all().forEach(p -> params.put(p.getKey().toLowerCase(Locale.US), p.getValue()));
    assertEquals(params, read.get(0).authParams(), header);
  }

  private static void assertHttpClientReads(Challenge expected, String header) throws Exception {
    List<AuthChallenge> read = AuthChallengeParser.INSTANCE.parse(ChallengeType.TARGET, header,
        new ParserCursor(0, header.length()));
    assertEquals(1, read.size(), () -> "HttpClient reads " + read + " from " + header);
    assertEquals(expected.scheme(), read.get(0).getSchemeName(), header);
    List<Map.Entry<String, String>> params = new ArrayList<>();
    List<NameValuePair> pairs = read.get(0).getParams();
    if (pairs != null) {
      pairs.forEach(p -> params.add(Map.entry(p.getName(), p.getValue())));
    }
    assertEquals(expected.all(), params, header);
  }

  /** A Java string literal. */
  private static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Provide
  Arbitrary<List<Challenge>> batches() {
    int size = Math.max(PER_CLASS, TOTAL / TRIES);
    return Arbitraries.oneOf(other(), other(), bearer()).list().ofSize(size);
  }

  static Arbitrary<String> token(int max) {
    return Arbitraries.strings().withChars(TCHAR.toCharArray()).ofMinLength(1).ofMaxLength(max);
  }

  /** HTAB, SP and every visible ASCII character, {@code "} and {@code \} included; now and then long. */
  static Arbitrary<String> fieldValue() {
    net.jqwik.api.arbitraries.StringArbitrary any = Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '"', '\\');
    return Arbitraries.frequencyOf(List.of(
        net.jqwik.api.Tuple.of(12, any.ofMaxLength(40)),
        net.jqwik.api.Tuple.of(2, any.ofMinLength(200).ofMaxLength(2000)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\t", "\"", "\\", "\\\"", "\"\\", " a ", "a,b=c", "x=\"y\", z"))));
  }

  /** Any scheme but Basic, Digest and Bearer (their own rules); any realm; up to five params. */
  private static Arbitrary<Challenge> other() {
    Arbitrary<String> scheme = token(20).filter(s -> !List.of("basic", "digest", "bearer").contains(s.toLowerCase(Locale.ROOT)));
    Arbitrary<String> realm = Arbitraries.oneOf(Arbitraries.just(""), fieldValue());
    Arbitrary<List<Map.Entry<String, String>>> params = Combinators.combine(token(16), fieldValue()).as(Map::entry)
        .list().ofMaxSize(5).uniqueElements(e -> e.getKey().toLowerCase(Locale.ROOT))
        .filter(l -> l.stream().noneMatch(e -> e.getKey().equalsIgnoreCase("realm")));
    return Combinators.combine(scheme, realm, params).as(Challenge::new);
  }

  /** Bearer, in any case, with RFC 6750's attributes as its grammar allows them, and extension params. */
  private static Arbitrary<Challenge> bearer() {
    Arbitrary<String> scheme = Arbitraries.of("Bearer", "bearer", "BEARER");
    Arbitrary<String> realm = Arbitraries.oneOf(Arbitraries.just(""), fieldValue().filter(v -> !v.isEmpty()));
    char[] nqschar = nq(true);
    Arbitrary<Map.Entry<String, String>> error = Arbitraries.just(Map.entry("error", "invalid_token"));
    Arbitrary<Map.Entry<String, String>> description = Arbitraries.strings().withChars(nqschar).ofMinLength(1)
        .ofMaxLength(300).map(v -> Map.entry("error_description", v));
    // An absolute URI, a network-path, an absolute path, or a relative path (whose first segment has no ':').
    Arbitrary<Map.Entry<String, String>> uri = Arbitraries.of("https://", "http://", "urn:", "//", "/", "").flatMap(prefix ->
        Combinators.combine(
            Arbitraries.strings().withChars(("abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/?"
                + (prefix.isEmpty() ? "" : ":")).toCharArray()).ofMaxLength(60),
            Arbitraries.of("", "#top", "%2F", "?a=%20b", "#a/b?c"))
        .as((body, tail) -> Map.entry("error_uri", prefix + "x" + body + tail)));
    Arbitrary<Map.Entry<String, String>> scope = Arbitraries.strings().withChars(nq(false)).ofMinLength(1).ofMaxLength(12)
        .list().ofMinSize(1).ofMaxSize(6).map(l -> Map.entry("scope", String.join(" ", l)));
    Arbitrary<Map.Entry<String, String>> extension = Combinators.combine(token(12), fieldValue()).as(Map::entry)
        .filter(e -> !List.of("realm", "error", "error_description", "error_uri", "scope")
            .contains(e.getKey().toLowerCase(Locale.ROOT)));
    Arbitrary<List<Map.Entry<String, String>>> params = Arbitraries.oneOf(error, description, uri, scope, extension)
        .list().ofMaxSize(5).uniqueElements(e -> e.getKey().toLowerCase(Locale.ROOT));
    return Combinators.combine(scheme, realm, params).as(Challenge::new)
        .filter(c -> !c.realm().isEmpty() || !c.params().isEmpty());
  }

  /** RFC 6750's nqschar ({@code %x20-21 / %x23-5B / %x5D-7E}), or without the space, nqchar. */
  private static char[] nq(boolean space) {
    StringBuilder chars = new StringBuilder();
    for (char c = space ? ' ' : '!'; c <= '~'; c++) {
      if (c != '"' && c != '\\') {
        chars.append(c);
      }
    }
    return chars.toString().toCharArray();
  }
}
