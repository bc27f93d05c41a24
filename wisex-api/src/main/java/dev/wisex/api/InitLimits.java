package dev.wisex.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what init may consume, so a hostile or buggy module cannot hang a build or exhaust the
 * machine. Init that reaches a bound fails with a {@link LimitExceededException} naming it; nothing
 * is written.
 *
 * @param fuel step budget: every function entry and every loop iteration costs one unit, counted by
 *     instrumented code, so the same module and input always stop at the same place on every
 *     backend; {@code 0} means unlimited ({@code --fuel})
 * @param timeout wall-clock bound on the whole run: parse, instrumentation, init (start function,
 *     {@code _initialize} and the init function), snapshot and rewrite ({@code --timeout}); one
 *     longer than {@link #LONGEST_TIMEOUT} is taken as that
 * @param maxMemoryBytes the most bytes any one linear memory may have during init; growing beyond
 *     it fails init instead of returning -1 to the program, so no snapshot ever holds a state where
 *     an allocation failed for wisex's sake ({@code --max-memory})
 */
public record InitLimits(long fuel, Duration timeout, long maxMemoryBytes) {
  /** Ten minutes: longer than any real init we have seen by two orders of magnitude. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * A century: a longer timeout is taken as this one. It bounds nothing a run could reach, and a
   * {@link Duration} past ~292 years does not fit in the nanoseconds the JVM's timers count.
   */
  public static final Duration LONGEST_TIMEOUT = Duration.ofDays(36_525);

  /** 4 GiB: the whole 32-bit address space, so only memory64 modules are ever capped by default. */
  public static final long DEFAULT_MAX_MEMORY_BYTES = 4L << 30;

  public InitLimits {
    if (fuel < 0) {
      throw new IllegalArgumentException("fuel must be 0 (unlimited) or positive, not " + fuel);
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
    }
    if (timeout.compareTo(LONGEST_TIMEOUT) > 0) {
      timeout = LONGEST_TIMEOUT;
    }
    if (maxMemoryBytes < 0) {
      throw new IllegalArgumentException(
          "the memory cap must not be negative, not " + maxMemoryBytes);
    }
  }

  /** No fuel limit, {@link #DEFAULT_TIMEOUT}, {@link #DEFAULT_MAX_MEMORY_BYTES}. */
  public static InitLimits defaults() {
    return new InitLimits(0, DEFAULT_TIMEOUT, DEFAULT_MAX_MEMORY_BYTES);
  }

  public boolean fuelLimited() {
    return fuel > 0;
  }

  public InitLimits withFuel(long value) {
    return new InitLimits(value, timeout, maxMemoryBytes);
  }

  public InitLimits withTimeout(Duration value) {
    return new InitLimits(fuel, value, maxMemoryBytes);
  }

  public InitLimits withMaxMemoryBytes(long value) {
    return new InitLimits(fuel, timeout, value);
  }
}
