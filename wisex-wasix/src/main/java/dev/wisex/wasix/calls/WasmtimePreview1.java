package dev.wisex.wasix.calls;

import dev.wisex.api.InitFailedException;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.FileFd;
import dev.wisex.wasix.fs.FileType;
import dev.wisex.wasix.fs.StreamFd;
import dev.wisex.wasix.state.Clock;
import dev.wisex.wasix.state.WasiState;
import java.util.Map;

/**
 * The calls of {@code wasi_snapshot_preview1} that answer as wasmtime, the engine Wizer runs init
 * on, where wasmer (the reference of WASIX's namespaces, which keep the other calls of this
 * package) answers otherwise: what init learns through WASI ends up in its snapshot, so each answer
 * here is held to Wizer 11.0.3's (WasiFdstatTest, WasmtimePreview1Test). In short: init gets no
 * arguments; the CPU-time clocks do not exist ({@code EBADF}); syncing, advising, setting flags on
 * and allocating work on files only ({@code EBADF} elsewhere; allocating is {@code ENOTSUP}); only
 * {@code append} and {@code nonblock} can be set; the sandbox has no sockets, so a socket call on
 * an fd is {@code ENOTSOCK}; {@code proc_raise} is {@code ENOTSUP}; fds report wasmtime's rights
 * ({@link WasmtimeFdstat}); poll_oneoff checks its subscriptions first and reports 1 byte ready
 * ({@link PollCalls#pollOneoffAsWasmtime}).
 */
public final class WasmtimePreview1 {
  private static final int APPEND = 1;
  private static final int DSYNC = 2;
  private static final int NONBLOCK = 4;
  private static final int RSYNC = 8;
  private static final int SYNC = 16;

  /** {@code sdflags}: {@code rd} and {@code wr}. */
  private static final long SHUTDOWN_FLAGS = 3;

  /** The signals preview1 names, 0 (none) to 30 ({@code sys}). */
  private static final long LAST_SIGNAL = 30;

  /** The preview1 calls answered here, by name. */
  public static final Map<String, Impl> CALLS =
      Map.ofEntries(
          Map.entry("args_get", WasmtimePreview1::argsGet),
          Map.entry("args_sizes_get", WasmtimePreview1::argsSizesGet),
          Map.entry("clock_res_get", WasmtimePreview1::clockResGet),
          Map.entry("clock_time_get", WasmtimePreview1::clockTimeGet),
          Map.entry("fd_advise", WasmtimePreview1::fdAdvise),
          Map.entry("fd_allocate", WasmtimePreview1::fdAllocate),
          Map.entry("fd_datasync", WasmtimePreview1::fdSync),
          Map.entry("fd_fdstat_get", WasmtimePreview1::fdFdstatGet),
          Map.entry("fd_fdstat_set_flags", WasmtimePreview1::fdFdstatSetFlags),
          Map.entry("fd_fdstat_set_rights", WasmtimePreview1::fdFdstatSetRights),
          Map.entry("fd_filestat_get", WasmtimePreview1::fdFilestatGet),
          Map.entry("fd_filestat_set_times", WasmtimePreview1::fdFilestatSetTimes),
          Map.entry("fd_sync", WasmtimePreview1::fdSync),
          Map.entry("path_open", PathCalls::pathOpenAsWasmtime),
          Map.entry("poll_oneoff", PollCalls::pollOneoffAsWasmtime),
          Map.entry("proc_raise", WasmtimePreview1::procRaise),
          Map.entry("sock_accept", WasmtimePreview1::sockCall),
          Map.entry("sock_recv", WasmtimePreview1::sockCall),
          Map.entry("sock_send", WasmtimePreview1::sockCall),
          Map.entry("sock_shutdown", WasmtimePreview1::sockShutdown));

  private WasmtimePreview1() {}

  /** args_sizes_get: no arguments, as Wizer gives init none. */
  public static int argsSizesGet(WasiState s, GuestMem m, long[] a) {
    m.putSize(a[0], 0);
    m.putSize(a[1], 0);
    return Errno.SUCCESS;
  }

  /** args_get: nothing to write. */
  public static int argsGet(WasiState s, GuestMem m, long[] a) {
    return Errno.SUCCESS;
  }

  /** clock_res_get: the CPU-time clocks are {@code EBADF}. */
  public static int clockResGet(WasiState s, GuestMem m, long[] a) {
    wallOrMonotonic(a[0]);
    return TimeCalls.clockResGet(s, m, a);
  }

  /** clock_time_get: the CPU-time clocks are {@code EBADF}. */
  public static int clockTimeGet(WasiState s, GuestMem m, long[] a) {
    wallOrMonotonic(a[0]);
    return TimeCalls.clockTimeGet(s, m, a);
  }

  /** fd_sync and fd_datasync: a file's. */
  public static int fdSync(WasiState s, GuestMem m, long[] a) {
    file(s, a[0]);
    return Errno.SUCCESS;
  }

  /** fd_advise: a file's. */
  public static int fdAdvise(WasiState s, GuestMem m, long[] a) {
    file(s, a[0]);
    return FdMetaCalls.fdAdvise(s, m, a);
  }

  /** fd_allocate: not supported, on a file. */
  public static int fdAllocate(WasiState s, GuestMem m, long[] a) {
    file(s, a[0]);
    return Errno.NOTSUP;
  }

  /**
   * fd_fdstat_set_flags: a file's {@code append} and {@code nonblock}; the sync flags are fixed.
   */
  public static int fdFdstatSetFlags(WasiState s, GuestMem m, long[] a) {
    FileFd file = file(s, a[0]);
    if ((a[1] & (DSYNC | RSYNC | SYNC)) != 0) {
      throw new WasiException(Errno.INVAL);
    }
    file.fdflags = (file.fdflags & ~(APPEND | NONBLOCK)) | (int) (a[1] & (APPEND | NONBLOCK));
    return Errno.SUCCESS;
  }

  /**
   * fd_filestat_set_times: a file's; a time both given and "now" is {@code EINVAL} before the fd is
   * looked at.
   */
  public static int fdFilestatSetTimes(WasiState s, GuestMem m, long[] a) {
    if (Stat.givenAndNow(a[3])) {
      throw new WasiException(Errno.INVAL);
    }
    file(s, a[0]);
    return FdMetaCalls.fdFilestatSetTimes(s, m, a);
  }

  /** fd_fdstat_get: wasmtime's rights ({@link WasmtimeFdstat}). */
  public static int fdFdstatGet(WasiState s, GuestMem m, long[] a) {
    WasmtimeFdstat stat = WasmtimeFdstat.of(s.fds().get(a[0]));
    if (stat == null) {
      return FdMetaCalls.fdFdstatGet(s, m, a);
    }
    FdMetaCalls.writeFdstat(m, a[1], stat.filetype(), stat.flags(), stat.base(), stat.inheriting());
    return Errno.SUCCESS;
  }

  /** fd_fdstat_set_rights: not supported (for an fd that exists). */
  public static int fdFdstatSetRights(WasiState s, GuestMem m, long[] a) {
    s.fds().get(a[0]);
    return Errno.NOTSUP;
  }

  /** fd_filestat_get: stdio all zero, filetype unknown (never a terminal); other fds as WASIX. */
  public static int fdFilestatGet(WasiState s, GuestMem m, long[] a) {
    if (s.fds().get(a[0]) instanceof StreamFd) {
      Stat.writeRaw(m, a[1], 0, FileType.UNKNOWN, 0, 0, 0, 0, 0);
      return Errno.SUCCESS;
    }
    return FdMetaCalls.fdFilestatGet(s, m, a);
  }

  /** sock_accept, sock_recv, sock_send: no fd of the sandbox is a socket. */
  public static int sockCall(WasiState s, GuestMem m, long[] a) {
    s.fds().get(a[0]);
    return Errno.NOTSOCK;
  }

  /** sock_shutdown(fd, how): no fd of the sandbox is a socket; flags outside rd|wr trap. */
  public static int sockShutdown(WasiState s, GuestMem m, long[] a) {
    if ((a[1] & ~SHUTDOWN_FLAGS) != 0) {
      throw new InitFailedException(
          "init called `sock_shutdown` with flags " + a[1] + ", which preview1 does not define");
    }
    return sockCall(s, m, a);
  }

  /** proc_raise(signal): not supported; a signal preview1 does not name traps. */
  public static int procRaise(WasiState s, GuestMem m, long[] a) {
    if (a[0] < 0 || a[0] > LAST_SIGNAL) {
      throw new InitFailedException(
          "init called `proc_raise` with signal " + a[0] + ", which preview1 does not define");
    }
    return Errno.NOTSUP;
  }

  private static void wallOrMonotonic(long id) {
    if (id == Clock.PROCESS_CPUTIME || id == Clock.THREAD_CPUTIME) {
      throw new WasiException(Errno.BADF);
    }
  }

  private static FileFd file(WasiState s, long fd) {
    return s.fds().get(fd, FileFd.class, Errno.BADF);
  }
}
