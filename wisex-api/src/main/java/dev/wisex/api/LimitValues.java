package dev.wisex.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the forms {@code --timeout} and {@code --max-memory} take (and the Maven plugin's {@code
 * <timeout>} and {@code <maxMemory>}), in one place, so a value moves between command line and POM
 * unchanged. A malformed value is an {@link IllegalArgumentException} whose message says what to
 * write instead.
 */
public final class LimitValues {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmgt])(?:ib|b)?|b)?");

  private LimitValues() {}

  /** {@code 30}, {@code 2.5} (seconds), {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}. */
  public static Duration duration(String value) {
    Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "`" + value + "` is not a duration; write seconds (30, 2.5) or 500ms, 90s, 10m, 1h");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        amount
            * switch (unit) {
              case "ms" -> 1;
              case "s" -> 1_000;
              case "m" -> 60_000;
              default -> 3_600_000;
            };
    if (millis < 1) {
      throw new IllegalArgumentException("the timeout must be at least 1ms, not `" + value + "`");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  /** Bytes, or a number with a binary unit: {@code 64KiB}, {@code 512M}, {@code 4GiB}. */
  public static long size(String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "`" + value + "` is not a size; write bytes or a number with KiB, MiB, GiB or TiB");
    }
    int shift =
        m.group(2) == null
            ? 0
            : switch (m.group(2)) {
              case "k" -> 10;
              case "m" -> 20;
              case "g" -> 30;
              default -> 40;
            };
    try {
      long number = Long.parseLong(m.group(1));
      if (number > (Long.MAX_VALUE >>> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("`" + value + "` is too large a size", e);
    }
  }
}
