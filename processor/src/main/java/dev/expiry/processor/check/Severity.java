package dev.expiry.processor.check;

import java.util.Locale;
import java.util.Optional;

/** How a finding is reported. */
public enum Severity {
  ERROR,
  WARNING,
  OFF;

  /** Parses an option value: {@code error}, {@code warning} or {@code off}, in any case. */
  public static Optional<Severity> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(value.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
