package dev.expiry.processor.write;

import dev.expiry.processor.model.Client;
import dev.expiry.processor.model.Endpoint;
import dev.expiry.processor.model.Expired;
import dev.expiry.processor.model.ServletEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns endpoints into the rows of their package's table: one per servlet method with answers of
 * its own (and one for all others), one per framework handler method; rows that answer nothing
 * are left out, but for a servlet method that is exempt where the servlet's other methods are
 * answered. The precedence (method, class, package; exact kind before {@code ANY}; an exemption
 * stops the search) is decided here, so the run time only looks up.
 */
public final class Rows {

  /** The rows of an endpoint. */
  public List<Row> of(Endpoint endpoint) {
    boolean servlet = endpoint instanceof ServletEndpoint;
    List<Row> rows = new ArrayList<>();
    boolean othersAnswered = false;
    for (Endpoint.Operation operation : endpoint.operations()) {
      Answer[] answers = new Answer[Row.SLOTS];
      for (Expired on : Expired.values()) {
        for (Client kind : Client.KINDS) {
          answers[Row.slot(on, kind)] = operation.resolve(on, kind).map(Answer::of).orElse(null);
        }
      }
      Row row = new Row(endpoint.binaryName(), servlet, operation.key(), operation.comment(), Arrays.asList(answers));
      boolean everyOtherMethod = servlet && operation.key().equals("*");
      if (everyOtherMethod) {
        othersAnswered = !row.isEmpty();
      }
      // A servlet method with nothing to answer still needs its row where "*" answers: it is exempt.
      if (!row.isEmpty() || (servlet && !everyOtherMethod && othersAnswered)) {
        rows.add(row);
      }
    }
    return rows;
  }
}
