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
  /** Where this endpoint sends users to log in: its first redirect for a session or an access token. */
  private final ExpiryResponse login;

  /** @param slots for each expiry in order, the browser's response then the API client's; nulls allowed */
  AnswerRow(ExpiryResponse[] slots) {
    if (slots.length > SLOTS) {
      throw new IllegalArgumentException("more answers than expiries and kinds of client: " + slots.length);
    }
    this.slots = Arrays.copyOf(slots, SLOTS);
    // A login session's or an access token's redirect (a CSRF token's goes back to a form).
    ExpiryResponse redirect = null;
    for (Expired on : new Expired[] {Expired.SESSION, Expired.ACCESS_TOKEN}) {
      for (Client kind : new Client[] {Client.BROWSER, Client.API}) {
        ExpiryResponse answer = this.slots[slot(on, kind)];
        if (redirect == null && answer != null && answer.isRedirect()) {
          redirect = answer;
        }
      }
    }
    this.login = redirect;
  }

  /** A redirect of this endpoint for a session or an access token, browsers' first, or {@code null}. */
  ExpiryResponse login() {
    return login;
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
