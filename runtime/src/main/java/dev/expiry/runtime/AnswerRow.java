package dev.expiry.runtime;

import dev.expiry.Client;
import dev.expiry.Expired;
import java.util.Arrays;

/**
 * The answers of one endpoint (a servlet's HTTP method, a framework's handler method): which
 * response each expiry and kind of client gets. Immutable.
 */
final class AnswerRow {

  private static final int KINDS = 2;
  static final int SLOTS = Expired.values().length * KINDS;

  private final ExpiryResponse[] slots;

  /** @param slots for each expiry in order, the browser's response then the API client's; nulls allowed */
  AnswerRow(ExpiryResponse[] slots) {
    if (slots.length > SLOTS) {
      throw new IllegalArgumentException("more answers than expiries and kinds of client: " + slots.length);
    }
    this.slots = Arrays.copyOf(slots, SLOTS);
  }

  private static int slot(Expired on, Client kind) {
    return on.ordinal() * KINDS + (kind == Client.BROWSER ? 0 : 1);
  }

  /** The response for this expiry and kind of client, or {@code null}. */
  ExpiryResponse forKind(Expired on, Client kind) {
    return slots[slot(on, kind)];
  }

  /** Whether browsers and API clients get different responses for this expiry. */
  boolean dependsOnKind(Expired on) {
    return slots[slot(on, Client.BROWSER)] != slots[slot(on, Client.API)];
  }

  @Override
  public String toString() {
    return Arrays.toString(slots);
  }
}
