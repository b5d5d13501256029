package dev.expiry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.expiry.Client;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kind of client and the body it reads, on hand-picked and pieced-together headers, against the
 * reference reading on Spring's media-type parser ({@link ClientKindPropertyTest}); and each header
 * is read once.
 */
class KindsTest {

  private static final List<String> ACCEPTS = List.of(
      "", " ", "\t", "*/*", "application/json", "application/problem+json", "Application/JSON",
      "APPLICATION/PROBLEM+JSON", "application/*", "application/*;q=0", "text/html", "text/*",
      "text/plain", "application/json, text/plain, */*",
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
      "text/html;q=0.5, application/json", "application/json;q=0.4, text/*;q=0.9",
      "application/problem+json;q=0, application/json;q=0, */*", "application/json;q=0",
      "application /json", "application/ json", "application/json ;q=0.5", " application/json ",
      "*/json", "*", "*/", "/json", "application", "application/", "application/json/x",
      "application/jsonx", "applicationx/json", "application/json;Q = 0.3", "application/json;qs=1",
      "application/json;q=1.0001", "application/json;q=0.", "application/json;q=2", ",,,", ", */*",
      "text/html;level=1;q=0.7, */*;q=0.1", "\u0131mage/png", "appl\u0131cat\u0131on/json",
      "text/\u212Atml", "text/htm\u212A", "*/*, application/*;q=0.2", "application/*;q=0.2, */*",
      "*/*;q=0.1, application/json;q=0.5", "application/*;q=0.3, application/json;q=0.7",
      "application/json;q=0.7, application/*;q=0.3", "*/*, text/*;q=0.2", "text/*;q=0.3, */*",
      "application/problem+json;q=0.2, application/json;q=0.6");

  /** How many headers of each random kind; the mutation runs (-Pmutation) take fewer. */
  private static final int CORPUS = Integer.getInteger("expiry.kinds.corpus", 20_000);

  private static final String[] TYPES = {"application", "Application", "text", "TEXT", "image", "*", ""};
  private static final String[] SUBTYPES = {"json", "JSON", "problem+json", "html", "HTML", "xml", "*", "", "json "};
  private static final String[] PARAMETERS = {"", "", ";q=0", ";q=0.2", ";q=0.5", ";q=1", ";level=1;q=0.7", "; q=0.9",
      ";q=bad"};

  private static final String[] PIECES = {
      "application", "Application", "APPLICATION", "appl\u0131cation", "text", "TEXT", "html", "HTML",
      "json", "JSON", "problem+json", "xml", "*", "/", "/", ";", ";", ",", ",", " ", "\t", "q=0.5",
      "q=0", "q=1", "Q = 0.3", "q=", "x", "\u212A", "level=1"};

  @Test
  void qualitiesAreThoseOfThePlainReading() {
    for (String accept : corpus()) {
      assertEquals(reference(accept, "application", "problem+json", "json"),
          Kinds.quality(accept, "application", "problem+json", "json"), () -> "JSON quality of [" + accept + "]");
      assertEquals(reference(accept, "text", "html", "html"), Kinds.quality(accept, "text", "html"),
          () -> "HTML quality of [" + accept + "]");
    }
  }

  @Test
  void kindAndBodyAreThoseOfThePlainReading() {
    List<String> modes = new ArrayList<>();
    modes.add(null);
    modes.addAll(List.of("", " ", "navigate", " Navigate ", "cors", "no-cors", "same-origin"));
    List<String> requestedWith = new ArrayList<>();
    requestedWith.add(null);
    requestedWith.addAll(List.of("XMLHttpRequest", " xmlhttprequest", "fetch"));
    List<String> accepts = new ArrayList<>();
    accepts.add(null);
    accepts.addAll(ACCEPTS);
    List<String> upgrades = new ArrayList<>();
    upgrades.add(null);
    upgrades.addAll(List.of("1", " 1", "0"));
    for (String mode : modes) {
      for (String with : requestedWith) {
        for (String accept : accepts) {
          for (String upgrade : upgrades) {
            HttpServletRequest request = request(mode, with, accept, upgrade);
            String what = "Sec-Fetch-Mode [" + mode + "], X-Requested-With [" + with + "], Accept [" + accept
                + "], Upgrade-Insecure-Requests [" + upgrade + "]";
            int kind = Kinds.kindOf(request);
            Client expected = referenceKind(mode, with, accept, upgrade);
            assertEquals(expected, Kinds.client(kind), what);
            if (expected == Client.API) {
              boolean json = accept == null || accept.isBlank() || reference(accept, "application", "problem+json", "json") > 0;
              assertEquals(json, Kinds.json(request, kind), () -> "JSON for " + what);
            }
          }
        }
      }
    }
  }

  /** The hand-picked headers, and random ones put together from the pieces that matter. */
  private static List<String> corpus() {
    List<String> corpus = new ArrayList<>(ACCEPTS);
    Random random = new Random(42);
    for (int i = 0; i < CORPUS; i++) {
      StringBuilder accept = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        accept.append(PIECES[random.nextInt(PIECES.length)]);
      }
      corpus.add(accept.toString());
    }
    for (int i = 0; i < CORPUS; i++) {
      StringBuilder accept = new StringBuilder();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        accept.append(accept.length() == 0 ? "" : random.nextBoolean() ? ", " : ",")
            .append(TYPES[random.nextInt(TYPES.length)]).append('/')
            .append(SUBTYPES[random.nextInt(SUBTYPES.length)]).append(PARAMETERS[random.nextInt(PARAMETERS.length)]);
      }
      corpus.add(accept.toString());
    }
    return corpus;
  }

  /** The reference reading of {@link ClientKindPropertyTest}, on Spring's media-type parser: the better of the two. */
  private static int reference(String accept, String type, String subtype, String otherSubtype) {
    return Math.max(ClientKindPropertyTest.referenceQuality(accept, type, subtype),
        ClientKindPropertyTest.referenceQuality(accept, type, otherSubtype));
  }

  private static Client referenceKind(String mode, String requestedWith, String accept, String upgrade) {
    return ClientKindPropertyTest.referenceKind(
        new ClientKindPropertyTest.Headers(mode, null, null, requestedWith, accept, upgrade, null));
  }

  /** A request with these headers (null: absent), counting how often each is read. */
  private static HttpServletRequest request(String mode, String requestedWith, String accept, String upgrade) {
    Map<String, String> headers = new HashMap<>();
    headers.put("sec-fetch-mode", mode);
    headers.put("x-requested-with", requestedWith);
    headers.put("accept", accept);
    headers.put("upgrade-insecure-requests", upgrade);
    Map<String, Integer> reads = new HashMap<>();
    return (HttpServletRequest) Proxy.newProxyInstance(KindsTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
          if (!method.getName().equals("getHeader")) {
            throw new UnsupportedOperationException(method.getName());
          }
          String name = ((String) args[0]).toLowerCase(java.util.Locale.ROOT);
          if (reads.merge(name, 1, Integer::sum) > 1) {
            throw new AssertionError(name + " read twice");
          }
          return headers.get(name);
        });
  }
}
