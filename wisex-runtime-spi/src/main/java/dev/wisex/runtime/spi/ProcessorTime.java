package dev.wisex.runtime.spi;

import java.time.Duration;

/**
 * The processor time this process has used: what a trial of a backend is bounded by and what a
 * backend's {@link PreparationCost} is measured in. Unlike the wall clock, it does not run out
 * faster on a machine that other jobs keep busy.
 */
public final class ProcessorTime {
  private ProcessorTime() {}

  /**
   * The processor time used so far; only differences mean anything. Where the system does not say
   * (no {@code /proc}), the monotonic wall clock stands in.
   */
  public static Duration used() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .orElseGet(() -> Duration.ofNanos(System.nanoTime()));
  }
}
