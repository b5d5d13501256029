package dev.expiry.processor.write;

import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Expired;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of a package's table: an endpoint (a servlet and an HTTP method, or a framework's
 * handler method) and the answer for each expiry and kind of client.
 *
 * @param endpoint the binary name of the servlet, controller or resource class
 * @param servlet whether it is a servlet (then {@code key} is an HTTP method or {@code *}); else a
 *     framework handler method (then {@code key} is its method key, {@code get(java.lang.String)})
 * @param key the HTTP method or the method key
 * @param comment what a reader of the generated code is told about the row ({@code GET /orders/{id}})
 * @param answers for each expiry in order, the browser's answer then the API client's; null where none
 */
public record Row(String endpoint, boolean servlet, String key, String comment, List<Answer> answers) {

  /** How many answers a row has: one per expiry and kind of client. */
  public static final int SLOTS = Expired.values().length * Client.KINDS.size();

  public Row {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(comment, "comment");
    if (answers.size() != SLOTS) {
      throw new IllegalArgumentException("a row has " + SLOTS + " answers, not " + answers.size());
    }
    answers = java.util.Collections.unmodifiableList(Arrays.asList(answers.toArray(new Answer[0])));
  }

  /** The slot of an expiry and kind of client, as the runtime's {@code answers(...)} takes them. */
  public static int slot(Expired on, Client kind) {
    return on.ordinal() * Client.KINDS.size() + Client.KINDS.indexOf(kind);
  }

  /** Whether any expiry is answered. */
  public boolean isEmpty() {
    return answers.stream().allMatch(Objects::isNull);
  }
}
