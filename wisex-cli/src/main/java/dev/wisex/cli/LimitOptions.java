package dev.wisex.cli;

import dev.wisex.api.InitLimits;
import dev.wisex.api.LimitValues;
import java.time.Duration;
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

  InitLimits toLimits() {
    return new InitLimits(fuel, timeout, maxMemory);
  }

  /** {@code 30}, {@code 2.5}, {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return LimitValues.duration(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code 65536}, {@code 64KiB}, {@code 512M}, {@code 4GiB}: binary units, case-insensitive. */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return LimitValues.size(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
