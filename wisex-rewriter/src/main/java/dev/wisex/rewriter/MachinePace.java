package dev.wisex.rewriter;

import dev.wisex.runtime.spi.PreparationCost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * How fast this machine ran wisex's own pass over the module's code (the code scan of {@link
 * ParsedInput}): the stand-in for a compile's cost until the compiling backend has learned its own
 * figure here. The machines wisex runs on differ several-fold, in wisex's code and in the
 * compiler's alike, so one constant measured on one of them made the default selection's trial wait
 * 2-3× too long on another. Chicory's cold compile (with its validation beside it) cost {@value
 * #COMPILE_PER_SCAN}× the scan's processor time, give or take 10 %, on the three modules that reach
 * the trial (2-core AMD EPYC VM, 2026-12-04: quickjs 77×, sqlite 93×, javy 95×). In a JVM that has
 * run wisex before (library use, the Maven plugin) the scan is compiled code, and so is the
 * compiler's: both are faster, and the floor keeps the budget from vanishing.
 *
 * @param scan the processor time of the thread that scanned the code
 */
record MachinePace(Duration scan) {
  /** A compile's processor time per unit of the scan's. */
  static final int COMPILE_PER_SCAN = 85;

  /**
   * The estimate is held between these (nanoseconds per byte of code): a scan slowed by a stall (or
   * measured too coarsely to be anything) must not make the trial absurdly long or short.
   */
  static final long MIN_NANOS_PER_BYTE = 500;

  static final long MAX_NANOS_PER_BYTE = 2 * PreparationCost.DEFAULT_COMPILE_NANOS_PER_CODE_BYTE;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The calling thread's processor time so far, or -1 where the JVM cannot tell. */
  static long threadNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** The pace of a scan that ran from {@code before} to {@code after} ({@link #threadNanos}). */
  static MachinePace between(long before, long after) {
    return new MachinePace(
        before < 0 || after < before ? Duration.ZERO : Duration.ofNanos(after - before));
  }

  /**
   * What {@code compiling} said a compile of {@code codeBytes} costs, unless it only knew {@link
   * PreparationCost#defaultCompile}, the constant of another machine: then this machine's scan
   * times {@value #COMPILE_PER_SCAN}.
   */
  PreparationCost compileCost(long codeBytes, PreparationCost said) {
    if (scan.isZero()
        || codeBytes <= 0
        || !said.equals(PreparationCost.defaultCompile(codeBytes))) {
      return said;
    }
    long perByte = scan.toNanos() * COMPILE_PER_SCAN / codeBytes;
    long held = Math.max(MIN_NANOS_PER_BYTE, Math.min(MAX_NANOS_PER_BYTE, perByte));
    return PreparationCost.perByte(
        codeBytes,
        held,
        String.format(
            Locale.ROOT,
            "%.2f µs per byte of code, %d times this machine's own scan of it (%.1f ms)%s,"
                + " until a compile here teaches a figure",
            held / 1000.0,
            COMPILE_PER_SCAN,
            scan.toNanos() / 1e6,
            held == perByte ? "" : ", held within " + bounds()));
  }

  private static String bounds() {
    return String.format(
        Locale.ROOT, "%.1f-%.1f µs", MIN_NANOS_PER_BYTE / 1000.0, MAX_NANOS_PER_BYTE / 1000.0);
  }
}
