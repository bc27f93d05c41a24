package dev.wisex.wasix.calls;

import dev.wisex.api.InitFailedException;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.DirFd;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.fs.FileFd;
import dev.wisex.wasix.fs.StreamFd;
import dev.wisex.wasix.state.Clock;
import dev.wisex.wasix.state.WasiState;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * poll_oneoff on a single-threaded sandbox. fd subscriptions are ready unless they are an empty
 * pipe or a zero event counter; if none is ready, the virtual clock jumps to the earliest clock
 * subscription; if there is no clock either, nothing could ever wake the guest, so init fails
 * instead of hanging.
 */
public final class PollCalls {
  private static final Logger LOG = LogManager.getLogger(PollCalls.class);
  private static final int SUBSCRIPTION = 48;
  private static final int EVENT = 32;
  private static final int CLOCK = 0;
  private static final int FD_READ = 1;
  private static final int FD_WRITE = 2;
  private static final int ABSTIME = 1;

  private PollCalls() {}

  private static final int HANGUP = 1;

  private record Ready(long userdata, int error, int type, long nbytes, int flags) {
    Ready(long userdata, int error, int type, long nbytes) {
      this(userdata, error, type, nbytes, 0);
    }
  }

  private record Timer(long userdata, long clock, long deadline) {}

  /** poll_oneoff(in, out, nsubscriptions, nevents*). */
  public static int pollOneoff(WasiState s, GuestMem m, long[] a) {
    return poll(s, m, a, false);
  }

  /**
   * poll_oneoff in {@code wasi_snapshot_preview1}, as wasmtime answers it: an fd subscription on an
   * fd that is not open, or of the wrong kind (reading stdout, writing stdin, a directory), fails
   * the whole call with {@code EBADF}, a clock other than the wall and monotonic ones with {@code
   * EINVAL}; an event of stdio or a file reports 1 byte, and a file read at its end also {@code
   * hangup}. The fds only WASIX makes (pipes, event fds), which a module mixing the namespaces may
   * poll here, keep WASIX's answers.
   */
  public static int pollOneoffAsWasmtime(WasiState s, GuestMem m, long[] a) {
    return poll(s, m, a, true);
  }

  private static int poll(WasiState s, GuestMem m, long[] a, boolean asWasmtime) {
    long count = a[2];
    if (count == 0) {
      throw new WasiException(Errno.INVAL);
    }
    if (asWasmtime) {
      checkAsWasmtime(s, m, a[0], count);
    }
    List<Ready> ready = new ArrayList<>();
    List<Timer> timers = new ArrayList<>();
    long earliest = Long.MAX_VALUE;
    for (long i = 0; i < count; i++) {
      long sub = a[0] + i * SUBSCRIPTION;
      long userdata = m.u64(sub);
      int tag = m.u8(sub + 8);
      if (LOG.isTraceEnabled()) {
        LOG.trace(
            "poll_oneoff subscription {}: tag {}, {} {}, flags {}",
            i,
            tag,
            m.u32(sub + 16),
            m.u64(sub + 24),
            m.u16(sub + 40));
      }
      if (tag == CLOCK) {
        long clock = m.u32(sub + 16);
        long deadline = deadline(s, m, sub + 16);
        if (deadline == Long.MIN_VALUE) {
          ready.add(new Ready(userdata, Errno.INVAL, CLOCK, 0));
          continue;
        }
        long wait = deadline - s.clock().now(clock);
        if (wait <= 0) {
          ready.add(new Ready(userdata, Errno.SUCCESS, CLOCK, 0));
        } else {
          timers.add(new Timer(userdata, clock, deadline));
          earliest = Math.min(earliest, wait);
        }
      } else if (tag == FD_READ || tag == FD_WRITE) {
        Fd fd;
        try {
          fd = s.fds().get(m.u32(sub + 16));
        } catch (WasiException e) {
          ready.add(new Ready(userdata, e.errno(), tag, 0));
          continue;
        }
        if (tag == FD_WRITE || fd.pollReadable()) {
          long available =
              tag == FD_READ && fd instanceof FileFd file
                  ? Math.max(0, file.size() - file.seek(0, 1))
                  : 0;
          if (asWasmtime && (fd instanceof FileFd || fd instanceof StreamFd)) {
            boolean atEnd = tag == FD_READ && fd instanceof FileFd && available == 0;
            ready.add(new Ready(userdata, Errno.SUCCESS, tag, 1, atEnd ? HANGUP : 0));
          } else {
            ready.add(new Ready(userdata, Errno.SUCCESS, tag, available));
          }
        }
      } else {
        throw new WasiException(Errno.INVAL);
      }
    }
    if (ready.isEmpty()) {
      if (earliest == Long.MAX_VALUE) {
        throw new InitFailedException(
            "init called poll_oneoff on fds that can never become ready, with no timeout: it would block forever"
                + " during init");
      }
      s.clock().sleep(earliest);
      for (Timer timer : timers) {
        if (s.clock().now(timer.clock()) >= timer.deadline()) {
          ready.add(new Ready(timer.userdata(), Errno.SUCCESS, CLOCK, 0));
        }
      }
    }
    for (int i = 0; i < ready.size(); i++) {
      Ready event = ready.get(i);
      LOG.trace("poll_oneoff event {}", event);
      long out = a[1] + (long) i * EVENT;
      m.write(out, new byte[EVENT]);
      m.putU64(out, event.userdata());
      m.putU16(out + 8, event.error());
      m.putU8(out + 10, event.type());
      m.putU64(out + 16, event.nbytes());
      m.putU16(out + 24, event.flags());
    }
    m.putSize(a[3], ready.size());
    return Errno.SUCCESS;
  }

  /** Fails the call as wasmtime does before it waits (see {@link #pollOneoffAsWasmtime}). */
  private static void checkAsWasmtime(WasiState s, GuestMem m, long subscriptions, long count) {
    for (long i = 0; i < count; i++) {
      long sub = subscriptions + i * SUBSCRIPTION;
      int tag = m.u8(sub + 8);
      if (tag == CLOCK) {
        long id = m.u32(sub + 16);
        if (id != Clock.REALTIME && id != Clock.MONOTONIC) {
          throw new WasiException(Errno.INVAL);
        }
      } else if (tag == FD_READ || tag == FD_WRITE) {
        // The fds only WASIX makes (pipes, event fds) keep WASIX's answer.
        Fd fd = s.fds().get(m.u32(sub + 16));
        boolean misfit =
            fd instanceof DirFd
                || fd instanceof StreamFd stream && stream.input() != (tag == FD_READ);
        if (misfit) {
          throw new WasiException(Errno.BADF);
        }
      }
    }
  }

  /**
   * When a clock subscription fires on its clock, or {@code Long.MIN_VALUE} for an unknown clock.
   */
  private static long deadline(WasiState s, GuestMem m, long clock) {
    long id = m.u32(clock);
    long timeout = m.u64(clock + 8);
    int flags = m.u16(clock + 24);
    long now;
    try {
      now = s.clock().now(id);
    } catch (WasiException e) {
      return Long.MIN_VALUE;
    }
    return (flags & ABSTIME) != 0 ? timeout : now + timeout;
  }
}
