package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs guest code on threads with a large stack. GraalWasm interprets on the Java stack, one to a
 * few kilobytes per wasm frame (more while the JVM has not yet compiled the interpreter), so on a
 * default 1 MiB thread stack a guest recursion a thousand frames deep can exhaust it; on 128 MiB it
 * reaches tens of thousands. Stack memory is reserved, not committed, until used. Threads are
 * pooled (daemon; an idle one ends after a second, so a library call leaves none behind); a host
 * function calling back into a guest runs in place.
 */
final class GuestThreads {
  static final long STACK_BYTES = 128L << 20;

  private static final ExecutorService POOL =
      new ThreadPoolExecutor(
          0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), GuestThread::new);

  private GuestThreads() {}

  static <T> T run(Supplier<T> guestCode) {
    return run(guestCode, () -> {});
  }

  /**
   * Runs {@code guestCode} on a guest thread and waits for it. If the waiting thread is interrupted
   * (wisex's {@code --timeout}), {@code stop} is called to end the guest code, since GraalWasm does
   * not notice a Java interrupt of the thread it runs on.
   */
  static <T> T run(Supplier<T> guestCode, Runnable stop) {
    if (Thread.currentThread() instanceof GuestThread) {
      return guestCode.get();
    }
    Future<T> result = POOL.submit(guestCode::get);
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      stop.run();
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new InitFailedException("interrupted while running guest code", e);
    }
  }

  private static final class GuestThread extends Thread {
    GuestThread(Runnable task) {
      super(null, task, "wisex-graal-guest", STACK_BYTES);
      setDaemon(true);
    }
  }
}
