package dev.wisex.wasix.state;

import com.google.common.jimfs.FileTimeSource;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.config.WasixConfig;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The clocks init sees. Virtual by default: wall time starts at the configured epoch ({@link
 * WasixConfig#FIXED_EPOCH_NANOS} unless set), the monotonic clock at {@link
 * WasixConfig#MONOTONIC_START_NANOS}, the CPU clocks at 0; all advance by {@link
 * WasixConfig#CLOCK_TICK_NANOS} per read and when the guest sleeps (poll_oneoff timeouts,
 * thread_sleep, futex timeouts), so a snapshot never depends on when or how fast init ran, yet no
 * clock reads as unset (SpiderMonkey treats a zero monotonic time as null) or stands still between
 * two reads. With {@code real} the host's clocks are used and sleeps really sleep.
 */
public final class Clock implements FileTimeSource {
  public static final int REALTIME = 0;
  public static final int MONOTONIC = 1;
  public static final int PROCESS_CPUTIME = 2;
  public static final int THREAD_CPUTIME = 3;

  private final boolean real;
  private final long epochNanos;
  private long elapsed;
  private long realtimeOffset;
  private final long startNanos = System.nanoTime();

  public Clock(boolean real) {
    this(real, WasixConfig.FIXED_EPOCH_NANOS);
  }

  /** A clock whose virtual wall time starts at {@code epochNanos} since 1970. */
  public Clock(boolean real, long epochNanos) {
    this.real = real;
    this.epochNanos = epochNanos;
  }

  public long now(long id) {
    if (id < REALTIME || id > THREAD_CPUTIME) {
      throw new WasiException(Errno.INVAL);
    }
    long value = read(id);
    if (!real) {
      elapsed += WasixConfig.CLOCK_TICK_NANOS;
    }
    return value;
  }

  private long read(long id) {
    if (id == REALTIME) {
      return wall() + realtimeOffset;
    }
    if (real) {
      return System.nanoTime() - startNanos;
    }
    return id == MONOTONIC ? WasixConfig.MONOTONIC_START_NANOS + elapsed : elapsed;
  }

  /** Nanosecond resolution, the finest WASI can express. */
  public long resolution(long id) {
    if (id < REALTIME || id > THREAD_CPUTIME) {
      throw new WasiException(Errno.INVAL);
    }
    return 1;
  }

  /** {@code clock_time_set}: only the wall clock can be set, and only inside the sandbox. */
  public void set(long id, long nanos) {
    if (id != REALTIME) {
      throw new WasiException(Errno.INVAL);
    }
    realtimeOffset = nanos - wall();
  }

  public void sleep(long nanos) {
    if (nanos <= 0) {
      return;
    }
    if (real) {
      try {
        TimeUnit.NANOSECONDS.sleep(nanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      elapsed += nanos;
    }
  }

  private long wall() {
    if (real) {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
    return epochNanos + elapsed;
  }

  /**
   * File timestamps follow the same clock, so files the guest creates carry deterministic times.
   */
  @Override
  public FileTime now() {
    long nanos = read(REALTIME); // a file's timestamp is no read of the guest's
    return FileTime.from(
        Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
  }

  public FileTime fileTime() {
    return now();
  }
}
