package dev.wisex.maven;

import dev.wisex.api.HostAccess;
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
   * The timestamp in seconds since 1970; empty when unset, or a single character that is not a
   * digit (Maven's way of disabling it: Maven reads digits first, so {@code 5} is 5 s).
   *
   * @throws IllegalArgumentException naming {@code <clockEpoch>} and the value if it is neither
   *     form, or outside the seconds init's clock can start at (0 to 2262-04-11)
   */
  static OptionalLong seconds(String value) {
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    String v = value.trim();
    long seconds;
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      try {
        seconds = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw outOfRange(v);
      }
    } else if (v.length() < 2) {
      return OptionalLong.empty();
    } else {
      seconds = dateTime(v);
    }
    if (!HostAccess.clockEpochInRange(seconds)) {
      throw outOfRange(v);
    }
    return OptionalLong.of(seconds);
  }

  private static long dateTime(String v) {
    try {
      return OffsetDateTime.parse(v).toEpochSecond();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(v).getEpochSecond();
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(
            "<clockEpoch> `"
                + v
                + "` is neither seconds since 1970 nor an ISO-8601 date-time such as"
                + " 2024-01-01T00:00:00Z; fix <clockEpoch> or project.build.outputTimestamp");
      }
    }
  }

  private static IllegalArgumentException outOfRange(String v) {
    return new IllegalArgumentException(
        "<clockEpoch> `"
            + v
            + "` is outside the seconds init's clock can start at: 0 (1970) to "
            + HostAccess.LATEST_CLOCK_EPOCH
            + " (2262-04-11)");
  }
}
