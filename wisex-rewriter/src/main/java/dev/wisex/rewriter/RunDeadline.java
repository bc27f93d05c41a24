package dev.wisex.rewriter;

import dev.wisex.api.LimitExceededException;
import dev.wisex.rewriter.init.InitDeadline;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code --timeout} over the whole run, not just init: at the deadline the thread running the
 * pipeline is interrupted, the stages' loops stop at their next {@link
 * dev.wisex.parser.Interruption#check}, and whatever they threw becomes one message naming the
 * stage and the flag. Closing it before the deadline leaves the thread's interrupt flag as it was.
 */
final class RunDeadline implements AutoCloseable {
  /**
   * One timer thread for all runs, which ends a second after the last run's alarm is cancelled: a
   * library call leaves no thread behind (an embedder such as {@code exec:java} waits for them).
   */
  private static final ScheduledExecutorService TIMER = timer();

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "wisex-run-deadline");
              t.setDaemon(true);
              return t;
            });
    timer.setKeepAliveTime(1, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private final Duration timeout;
  private final Thread worker = Thread.currentThread();
  private final ScheduledFuture<?> alarm;
  private String stage = "parse";
  private boolean fired;
  private boolean closed;

  /**
   * @param spent what the call used of {@code timeout} before this run (the shared parse)
   */
  RunDeadline(Duration timeout, Duration spent) {
    this.timeout = timeout;
    long left = Math.max(0, timeout.minus(spent).toNanos());
    this.alarm = TIMER.schedule(this::fire, left, TimeUnit.NANOSECONDS);
  }

  private synchronized void fire() {
    if (!closed) {
      fired = true;
      worker.interrupt();
    }
  }

  /** The stage now running, for the message. */
  synchronized void stage(String name) {
    stage = name;
  }

  /** The stage running now. */
  synchronized String stage() {
    return stage;
  }

  /**
   * {@code failure} itself, or, if the deadline passed, the timeout naming the stage it stopped.
   */
  synchronized RuntimeException explain(RuntimeException failure) {
    if (!fired) {
      return failure;
    }
    String message =
        stage.equals("init")
            ? InitDeadline.timeoutMessage(timeout)
            : "the "
                + stage
                + " stage did not finish within --timeout "
                + InitDeadline.describe(timeout)
                + ", which bounds the whole run; raise --timeout if the module needs longer";
    return new LimitExceededException(message, failure);
  }

  @Override
  public void close() {
    boolean clear;
    synchronized (this) {
      closed = true;
      clear = fired;
    }
    alarm.cancel(false);
    if (clear) {
      Thread.interrupted(); // the interrupt was ours, not the caller's
    }
  }
}
