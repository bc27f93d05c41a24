package dev.wisex.cli;

import dev.wisex.api.InitLimits;
import dev.wisex.api.WisexOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Bounds on init, for modules one did not write: a build must end even if init does not. Defaults
 * are finite: init stops after {@link InitLimits#DEFAULT_TIMEOUT} whatever else happens.
 */
final class LimitOptions {
  @Option(
      names = "--fuel",
      paramLabel = "STEPS",
      description =
          "Stop init after STEPS function entries plus loop iterations; the same module stops at"
              + " the same place on every backend. 0 means no limit (default: 0).")
  long fuel;

  @Option(
      names = "--timeout",
      paramLabel = "TIME",
      converter = DurationConverter.class,
      description =
          "Stop the whole run (parse, init, snapshot, rewrite) after this wall-clock time: seconds"
              + " (30, 2.5) or with a unit (500ms, 90s, 10m) (default: 10m).")
  Duration timeout = InitLimits.DEFAULT_TIMEOUT;

  @Option(
      names = "--max-memory",
      paramLabel = "SIZE",
      converter = SizeConverter.class,
      description =
          "Fail init that grows any memory beyond SIZE: bytes, or with a unit (64KiB, 512MiB,"
              + " 4GiB; K, M, G are the same binary units) (default: 4GiB).")
  long maxMemory = InitLimits.DEFAULT_MAX_MEMORY_BYTES;

  void applyTo(WisexOptions.Builder builder) {
    builder.limits(new InitLimits(fuel, timeout, maxMemory));
  }

  /** {@code 30}, {@code 2.5}, {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
      Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException(
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
        throw new TypeConversionException("the timeout must be at least 1ms, not `" + value + "`");
      }
      return Duration.ofMillis(Math.round(millis));
    }
  }

  /** {@code 65536}, {@code 64KiB}, {@code 512M}, {@code 4GiB}: binary units, case-insensitive. */
  static final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(?:([kmgt])(?:ib|b)?|b)?");

    @Override
    public Long convert(String value) {
      Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException(
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
        throw new TypeConversionException("`" + value + "` is too large a size");
      }
    }
  }
}
