package dev.wisex.rewriter;

import java.time.Duration;

/**
 * The processor time this process has used, which a trial of a backend is bounded by: unlike the
 * wall clock, it does not run out faster on a machine that other jobs keep busy.
 */
final class ProcessorTime {
  private ProcessorTime() {}

  /**
   * The processor time used so far; only differences mean anything. Where the system does not say
   * (no {@code /proc}), the monotonic wall clock stands in.
   */
  static Duration used() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .orElseGet(() -> Duration.ofNanos(System.nanoTime()));
  }
}
