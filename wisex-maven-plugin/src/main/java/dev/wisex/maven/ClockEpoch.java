package dev.wisex.maven;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Reads {@code project.build.outputTimestamp} the way the Maven reproducible-builds convention
 * writes it: seconds since 1970, or an ISO-8601 date-time with an offset.
 */
final class ClockEpoch {
  private ClockEpoch() {}

  /**
   * The timestamp in seconds since 1970; empty when unset (or a single character, Maven's way of
   * disabling it).
   *
   * @throws IllegalArgumentException naming the value if it is neither form
   */
  static OptionalLong seconds(String value) {
    if (value == null || value.isBlank() || value.trim().length() < 2) {
      return OptionalLong.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      return OptionalLong.of(Long.parseLong(v));
    }
    try {
      return OptionalLong.of(OffsetDateTime.parse(v).toEpochSecond());
    } catch (DateTimeParseException e) {
      try {
        return OptionalLong.of(Instant.parse(v).getEpochSecond());
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(
            "clockEpoch `"
                + v
                + "` is neither seconds since 1970 nor an ISO-8601 date-time such as"
                + " 2024-01-01T00:00:00Z; fix <clockEpoch> or project.build.outputTimestamp",
            again);
      }
    }
  }
}
