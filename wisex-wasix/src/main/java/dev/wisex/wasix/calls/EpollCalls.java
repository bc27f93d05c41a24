package dev.wisex.wasix.calls;

import dev.wisex.api.InitFailedException;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.EpollFd;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.state.WasiState;
import java.util.List;

/**
 * WASIX epoll over the sandbox's fds, with wasmer's ABI: {@code epoll_event} is 32 bytes, events
 * (u32) at 0 and {@code epoll_data} at 8 as {ptr (pointer-sized), fd u32, data1 u32, data2 u64 at
 * 24}; timeouts are nanoseconds, all ones meaning forever. Init is single-threaded, so nothing can
 * become ready while a wait waits: a wait with a timeout moves the virtual clock by it and reports
 * nothing, one without fails init instead of hanging.
 */
public final class EpollCalls {
  private static final int EVENT = 32;
  private static final int CTL_ADD = 0;
  private static final int CTL_MOD = 1;
  private static final int CTL_DEL = 2;
  private static final long FOREVER = -1L;

  private EpollCalls() {}

  /** epoll_create(fd*). */
  public static int epollCreate(WasiState s, GuestMem m, long[] a) {
    m.putU32(a[0], s.fds().add(new EpollFd()));
    return Errno.SUCCESS;
  }

  /** epoll_ctl(epfd, op, fd, event*): the event is not read for EPOLL_CTL_DEL. */
  public static int epollCtl(WasiState s, GuestMem m, long[] a) {
    EpollFd epoll = s.fds().get(a[0], EpollFd.class, Errno.INVAL);
    Fd target = s.fds().get(a[2]);
    int number = (int) a[2];
    switch ((int) a[1]) {
      case CTL_ADD -> epoll.add(number, target, (int) m.u32(a[3]), data(m, a[3]));
      case CTL_MOD -> epoll.modify(number, target, (int) m.u32(a[3]), data(m, a[3]));
      case CTL_DEL -> epoll.remove(number, target);
      default -> throw new WasiException(Errno.INVAL);
    }
    return Errno.SUCCESS;
  }

  /** epoll_wait(epfd, events*, maxevents, timeout, nevents*). */
  public static int epollWait(WasiState s, GuestMem m, long[] a) {
    EpollFd epoll = s.fds().get(a[0], EpollFd.class, Errno.INVAL);
    int max = (int) a[2];
    if (max <= 0) {
      throw new WasiException(Errno.INVAL);
    }
    List<EpollFd.Ready> ready = epoll.poll(max);
    if (ready.isEmpty()) {
      if (a[3] == FOREVER) {
        throw new InitFailedException(
            "init called epoll_wait with no timeout on fd "
                + a[0]
                + ", but none of its fds is ready and init has only one thread, so nothing can make"
                + " one ready: it would block forever during init");
      }
      s.clock().sleep(a[3]);
    }
    for (int i = 0; i < ready.size(); i++) {
      write(m, a[1] + (long) i * EVENT, ready.get(i));
    }
    m.putSize(a[4], ready.size());
    return Errno.SUCCESS;
  }

  private static EpollFd.Data data(GuestMem m, long event) {
    int p = m.pointerSize();
    return new EpollFd.Data(
        m.ptr(event + 8),
        (int) m.u32(event + 8 + p),
        (int) m.u32(event + 12 + p),
        m.u64(event + 24));
  }

  private static void write(GuestMem m, long event, EpollFd.Ready ready) {
    int p = m.pointerSize();
    EpollFd.Data data = ready.data();
    m.write(event, new byte[EVENT]);
    m.putU32(event, ready.events());
    m.putPtr(event + 8, data.ptr());
    m.putU32(event + 8 + p, data.fd() & 0xFFFF_FFFFL);
    m.putU32(event + 12 + p, data.data1() & 0xFFFF_FFFFL);
    m.putU64(event + 24, data.data2());
  }
}
