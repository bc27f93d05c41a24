package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.state.WasiState;

/**
 * Clocks, sleeping, yielding and randomness, all through the run's virtual clock and seeded stream.
 */
public final class TimeCalls {
  private static final int CHUNK = 64 * 1024;

  private TimeCalls() {}

  /** clock_res_get(id, resolution*). */
  public static int clockResGet(WasiState s, GuestMem m, long[] a) {
    m.putU64(a[1], s.clock().resolution(a[0]));
    return Errno.SUCCESS;
  }

  /** clock_time_get(id, precision, time*). */
  public static int clockTimeGet(WasiState s, GuestMem m, long[] a) {
    m.putU64(a[2], s.clock().now(a[0]));
    return Errno.SUCCESS;
  }

  /** WASIX clock_time_set(id, timestamp): moves the sandbox's wall clock only. */
  public static int clockTimeSet(WasiState s, GuestMem m, long[] a) {
    s.clock().set(a[0], a[1]);
    return Errno.SUCCESS;
  }

  /**
   * random_get(buf, len): the buffer is checked first, then filled a chunk at a time, so a guest
   * length never sizes a host allocation.
   */
  public static int randomGet(WasiState s, GuestMem m, long[] a) {
    m.checkRange(a[0], a[1]);
    byte[] chunk = new byte[(int) Math.min(CHUNK, a[1])];
    for (long done = 0; done < a[1]; done += chunk.length) {
      if (a[1] - done < chunk.length) {
        chunk = new byte[(int) (a[1] - done)];
      }
      s.entropy().fill(chunk);
      m.write(a[0] + done, chunk);
    }
    return Errno.SUCCESS;
  }

  /** sched_yield: there is no other thread to yield to. */
  public static int schedYield(WasiState s, GuestMem m, long[] a) {
    return Errno.SUCCESS;
  }

  /** WASIX thread_sleep(duration): advances the virtual clock. */
  public static int threadSleep(WasiState s, GuestMem m, long[] a) {
    s.clock().sleep(a[0]);
    return Errno.SUCCESS;
  }
}
