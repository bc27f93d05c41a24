package dev.wisex.wasix.calls;

import dev.wisex.api.InitFailedException;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.ExitRequested;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.state.WasiState;

/**
 * The process and its one thread: exit, ids, signal callbacks, futexes. Init runs on a single
 * thread, so a futex wait that nothing can time out is a deadlock, reported instead of hanging.
 */
public final class ProcCalls {
  /** The sandbox's own pid; it has no parent. */
  static final int PID = 1;

  private ProcCalls() {}

  /** proc_exit / proc_exit2(code): ends init; the pipeline decides whether that is a success. */
  public static int procExit(WasiState s, GuestMem m, long[] a) {
    throw new ExitRequested((int) a[0]);
  }

  public static int procId(WasiState s, GuestMem m, long[] a) {
    m.putU32(a[0], PID);
    return Errno.SUCCESS;
  }

  /** proc_parent(pid, parent*): the sandboxed process is the root, its parent is 0. */
  public static int procParent(WasiState s, GuestMem m, long[] a) {
    if (a[0] != PID) {
      throw new WasiException(Errno.SRCH);
    }
    m.putU32(a[1], 0);
    return Errno.SUCCESS;
  }

  public static int threadId(WasiState s, GuestMem m, long[] a) {
    m.putU32(a[0], 1);
    return Errno.SUCCESS;
  }

  public static int threadParallelism(WasiState s, GuestMem m, long[] a) {
    m.putSize(a[0], 1);
    return Errno.SUCCESS;
  }

  /** callback_signal(name, len): recorded; no signal is ever delivered during init. */
  public static int callbackSignal(WasiState s, GuestMem m, long[] a) {
    s.signalCallbacks().add(m.string(a[0], a[1]));
    return Errno.SUCCESS;
  }

  /**
   * futex_wait(addr, expected, timeout*, woken*): a changed value is EINVAL as in wasmer; with a
   * timeout the virtual clock moves past it and the wait times out; without one only another thread
   * could wake it.
   */
  public static int futexWait(WasiState s, GuestMem m, long[] a) {
    if (m.u32(a[0]) != a[1]) {
      throw new WasiException(Errno.INVAL);
    }
    if (a[2] == 0 || m.u8(a[2]) == 0) {
      throw new InitFailedException(
          "init waits on the futex at address "
              + a[0]
              + " with no timeout, but init has only one thread, so"
              + " nothing can wake it: a deadlock during init");
    }
    s.clock().sleep(m.u64(a[2] + 8));
    m.putU8(a[3], 0);
    return Errno.SUCCESS;
  }

  /** futex_wake / futex_wake_all(addr, woken*): there is never a waiter to wake. */
  public static int futexWake(WasiState s, GuestMem m, long[] a) {
    m.putU8(a[1], 0);
    return Errno.SUCCESS;
  }
}
