package dev.expiry.processor.rules;

import dev.expiry.processor.check.Findings;
import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Severity;
import dev.expiry.processor.model.Declaration;
import dev.expiry.processor.model.Unreadable;

/**
 * A policy value javac accepted that this processor cannot read: an enum constant of {@code
 * dev.expiry.Client} or {@code dev.expiry.Expired} that only a newer {@code expiry-runtime}
 * declares. Without the report the policy would be left out of the policy file, silently; so it
 * cannot be turned off.
 */
public final class UnreadableValue extends Rule {

  public UnreadableValue() {
    super(Severity.ERROR, false,
        "A policy value this processor does not know, such as a Client or Expired constant of a newer expiry-runtime.");
  }

  @Override
  public void check(Declaration declaration, Findings findings) {
    for (Unreadable u : declaration.unreadable()) {
      findings.onValue(this, u.element(), u.mirror(), u.value(), u.attribute() + " = " + u.written()
          + " is a value this Expiry processor does not know (it knows " + String.join(", ", u.known())
          + "): the expiry-runtime on the class path is newer than expiry-processor. The policy cannot"
          + " be checked or written to the policy file, and the endpoint would answer as if it did not"
          + " have it. Use expiry-processor of the same version as expiry-runtime.");
    }
  }
}
