package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.LimitExceededException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parse is shared by every run of one call (race, cross-check, retry), so each run's deadline
 * counts what the parse already spent of {@code --timeout}.
 */
class RunDeadlineTest {
  @BeforeAll
  static void loadLoggingFirst() {
    // As in a run, where Preinitializer's logger exists before any deadline: Log4j cannot find its
    // provider on a thread that is already interrupted.
    LogManager.getLogger(RunDeadlineTest.class);
  }

  @Test
  void aRunGetsWhatTheSharedParseLeftOfTheTimeout() {
    try (RunDeadline deadline = new RunDeadline(Duration.ofSeconds(30), Duration.ofSeconds(30))) {
      // Nothing is left: the alarm is due at once (well within the 30 s a fresh deadline would
      // give).
      assertTrue(interruptedWithin(Duration.ofSeconds(5)), "the alarm had not fired after 5 s");
      assertInstanceOf(LimitExceededException.class, deadline.explain(new RuntimeException()));
    }
    assertFalse(Thread.interrupted(), "closing clears the deadline's own interrupt");
  }

  @Test
  void whatIsLeftIsNotCutShort() {
    try (RunDeadline deadline = new RunDeadline(Duration.ofSeconds(30), Duration.ofSeconds(1))) {
      assertFalse(interruptedWithin(Duration.ofMillis(300)));
      RuntimeException failure = new RuntimeException();
      assertTrue(deadline.explain(failure) == failure, "no timeout before the deadline");
    }
  }

  /** Waits without clearing the interrupt flag (a sleep would throw and clear it). */
  private static boolean interruptedWithin(Duration wait) {
    long end = System.nanoTime() + wait.toNanos();
    while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
      LockSupport.parkNanos(10_000_000);
    }
    return Thread.currentThread().isInterrupted();
  }
}
