package dev.expiry.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A policy file read by expiry-runtime's own reader, {@link PolicyFile}, for the processor's tests:
 * what the processor writes is checked the way the runtime takes it, not by a second parser. (This
 * class is in the runtime's package, where {@code PolicyFile} can be reached.)
 */
public final class PolicyFileReading {

  private PolicyFileReading() {}

  /** A response as the runtime receives it; {@code headers} names and values, alternating. */
  public record Response(int status, String type, String title, String detail, List<String> headers) {}

  /**
   * An endpoint's record as the runtime receives it.
   *
   * @param servlet whether it is a {@code servlet} record (else a {@code handler} one)
   * @param endpoint the class
   * @param key the HTTP method or {@code *}, or the method key
   * @param answers the responses of its combination, per expiry the browser's then the API client's;
   *     as many as the file lists, null where it lists {@code -}
   */
  public record Endpoint(boolean servlet, String endpoint, String key, List<Response> answers) {}

  /** The endpoints of the file, in file order; an {@link AssertionError} with the reader's message if it is refused. */
  public static List<Endpoint> read(String text) {
    List<Endpoint> endpoints = new ArrayList<>();
    try {
      PolicyFile.read(new BufferedReader(new StringReader(text)), new PolicyFile.Receiver() {
        @Override
        public Object response(int status, String type, String title, String detail, String[] headers) {
          return new Response(status, type, title, detail, List.of(headers));
        }

        @Override
        public Object answers(List<Object> responses) {
          return Arrays.asList(responses.stream().map(Response.class::cast).toArray(Response[]::new));
        }

        @Override
        public void servlet(String servletClass, String method, Object answers) {
          endpoints.add(new Endpoint(true, servletClass, method, combination(answers)));
        }

        @Override
        public void handler(String endpointClass, String method, Object answers) {
          endpoints.add(new Endpoint(false, endpointClass, method, combination(answers)));
        }
      });
    } catch (PolicyFile.Malformed e) {
      throw new AssertionError("expiry-runtime refuses the policy file: " + e.getMessage() + "\n" + text, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return endpoints;
  }

  /** The fields of one record line, unescaped as the runtime does. */
  public static List<String> fields(String line) {
    try {
      return PolicyFile.fields(line);
    } catch (PolicyFile.Malformed e) {
      throw new AssertionError("expiry-runtime refuses the line: " + e.getMessage() + "\n" + line, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Response> combination(Object answers) {
    if (!(answers instanceof List<?>)) {
      // The reader looks ids up in one namespace: a record naming a response where it wants answers.
      throw new AssertionError("an endpoint's record names " + answers + ", not a combination of answers");
    }
    return (List<Response>) answers;
  }
}
