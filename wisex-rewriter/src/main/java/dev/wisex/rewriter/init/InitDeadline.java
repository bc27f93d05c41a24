package dev.wisex.rewriter.init;

import dev.wisex.api.LimitExceededException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs init on a thread of its own and stops waiting for it at the {@code --timeout}. At the
 * deadline the thread is interrupted, which every backend treats as "stop the guest"; one that does
 * not stop within a grace period is abandoned (the thread is a daemon), so a build never hangs,
 * whatever the backend or a blocked host call does.
 */
public final class InitDeadline {
  private static final Logger LOG = LogManager.getLogger(InitDeadline.class);

  /** How init's timeout is described when it passes. */
  public static String timeoutMessage(Duration timeout) {
    return "init did not finish within --timeout "
        + describe(timeout)
        + "; raise --timeout if it needs longer, or find out why it does not end";
  }

  /** Stack of the init thread: deep guest recursion runs on the Java stack in compiled mode. */
  static final long STACK_BYTES = 256L << 20;

  /** How long a backend gets to stop after the interrupt before its thread is abandoned. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private InitDeadline() {}

  /**
   * Returns what {@code work} returns, or rethrows what it throws. If the deadline passes first,
   * throws a {@link LimitExceededException}; a result that arrives later is handed to {@code
   * discard} on the init thread.
   */
  static <T> T run(Duration timeout, Supplier<T> work, Consumer<T> discard) {
    Outcome<T> outcome = new Outcome<>(discard);
    Thread thread = new Thread(null, () -> outcome.complete(work), "wisex-init", STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    try {
      if (!outcome.await(timeout.toNanos())) {
        thread.interrupt();
        if (!outcome.await(GRACE.toNanos())) {
          LOG.warn(
              "init did not stop within {} s of being interrupted; its thread is abandoned",
              GRACE.toSeconds());
        }
        outcome.abandon();
        throw new LimitExceededException(timeoutMessage(timeout));
      }
    } catch (InterruptedException e) {
      // The run's own deadline (or the embedder) interrupted the wait: stop the guest as at init's
      // deadline, so no guest code runs on after the run has failed.
      thread.interrupt();
      outcome.awaitQuietly(GRACE.toNanos());
      outcome.abandon();
      Thread.currentThread().interrupt();
      throw new LimitExceededException("interrupted while waiting for init", e);
    }
    return outcome.result();
  }

  /** {@code 30 s}, {@code 1.5 s}, {@code 250 ms}: as the user would have written it. */
  public static String describe(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return millis >= 1000 ? millis / 1000.0 + " s" : millis + " ms";
  }

  /** The init thread's result, handed over once; a late one is discarded. */
  private static final class Outcome<T> {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Consumer<T> discard;
    private T value;
    private Throwable failure;
    private boolean abandoned;

    Outcome(Consumer<T> discard) {
      this.discard = discard;
    }

    void complete(Supplier<T> work) {
      T result = null;
      Throwable thrown = null;
      try {
        result = work.get();
      } catch (Throwable t) {
        thrown = t;
      }
      boolean late;
      synchronized (this) {
        late = abandoned;
        value = result;
        failure = thrown;
      }
      done.countDown();
      if (late && result != null) {
        discard.accept(result);
      }
    }

    boolean await(long nanos) throws InterruptedException {
      return done.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Waits up to {@code nanos} whatever interrupts arrive; they are not lost. */
    void awaitQuietly(long nanos) {
      long end = System.nanoTime() + nanos;
      boolean interrupted = false;
      while (true) {
        try {
          done.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
          break;
        } catch (InterruptedException again) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    synchronized void abandon() {
      abandoned = true;
      if (done.getCount() == 0 && value != null) {
        discard.accept(value);
        value = null;
      }
    }

    synchronized T result() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return value;
    }
  }
}
