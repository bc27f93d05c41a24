package dev.wisex.parser;

import dev.wisex.api.LimitExceededException;

/**
 * Where long loops over a module's contents stop when their thread is interrupted: that is how
 * {@code --timeout} bounds every stage of a run, not just init (issue 18: 1,000,000 globals ran
 * past 900 s with {@code --timeout 5s}). The driver that interrupts names the timeout in its
 * message.
 */
public final class Interruption {
  private Interruption() {}

  /**
   * @throws LimitExceededException if the current thread is interrupted (the flag stays set)
   */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new LimitExceededException("stopped: the run was interrupted");
    }
  }
}
