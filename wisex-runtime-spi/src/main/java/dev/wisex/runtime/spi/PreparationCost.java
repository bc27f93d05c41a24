package dev.wisex.runtime.spi;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a backend expects to spend preparing a module's code before init can run, and what the
 * figure rests on. The default selection lets an on-demand backend try init first for this long
 * (README, "Choosing a runtime backend"), so a figure learned on this machine beats a constant
 * measured on another: the machines wisex runs on differ several-fold in compile speed.
 *
 * @param processorTime the processor time of the whole process the preparation costs
 * @param basis where the figure comes from, for {@code -v} (e.g. "the median of its last 5 compiles
 *     here")
 */
public record PreparationCost(Duration processorTime, String basis) {
  /**
   * Processor time per byte of code that Chicory 1.7.5 spent compiling, cold, on the 2-core Intel
   * Xeon VM where it was measured (2026-12-03: javy 2.3 µs, sqlite 2.3, quickjs 2.6): the estimate
   * for a backend that compiles ahead of time and knows nothing better.
   */
  public static final long DEFAULT_COMPILE_NANOS_PER_CODE_BYTE = 2_400;

  public PreparationCost {
    Objects.requireNonNull(processorTime, "processorTime");
    Objects.requireNonNull(basis, "basis");
  }

  /** Preparation that costs nothing up front (a backend that prepares functions on demand). */
  public static PreparationCost none() {
    return new PreparationCost(Duration.ZERO, "functions are prepared on demand");
  }

  /**
   * {@code nanosPerByte} for each of {@code codeBytes}, resting on {@code basis}; a product past
   * {@code long} nanoseconds (292 years) is held there rather than thrown.
   */
  public static PreparationCost perByte(long codeBytes, long nanosPerByte, String basis) {
    long nanos;
    try {
      nanos = Math.multiplyExact(codeBytes, nanosPerByte);
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE;
    }
    return new PreparationCost(Duration.ofNanos(nanos), basis);
  }

  /** {@link #DEFAULT_COMPILE_NANOS_PER_CODE_BYTE} for each of {@code codeBytes}. */
  public static PreparationCost defaultCompile(long codeBytes) {
    return perByte(
        codeBytes,
        DEFAULT_COMPILE_NANOS_PER_CODE_BYTE,
        String.format(
            Locale.ROOT,
            "%.1f µs per byte of code, a compiler's cost measured on another machine",
            DEFAULT_COMPILE_NANOS_PER_CODE_BYTE / 1000.0));
  }
}
