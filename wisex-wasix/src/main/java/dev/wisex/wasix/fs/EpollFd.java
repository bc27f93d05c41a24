package dev.wisex.wasix.fs;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An epoll instance ({@code epoll_create}): an interest list of fds with the events to watch and
 * the guest's data to hand back. Readiness is that of the sandbox's in-memory fds (pipes, event
 * counters, files, stdio), which only the one init thread can change, so a wait looks once and
 * never blocks. Level-triggered; {@code EPOLLET} is reported like level-triggered (at least as
 * often as an edge, which code written for edges handles by reading to {@code EAGAIN}); {@code
 * EPOLLONESHOT} disarms an fd after one report until {@code EPOLL_CTL_MOD}. A watched fd whose
 * description has been closed leaves the list, as in Linux.
 */
public final class EpollFd extends Fd {
  /** wasmer's {@code EpollType} bits. */
  public static final int IN = 1;

  public static final int OUT = 1 << 1;
  public static final int ONESHOT = 1 << 7;

  /** The {@code epoll_data} the guest registered, returned with every event as given. */
  public record Data(long ptr, int fd, int data1, long data2) {}

  /** A report: the ready events of one watched fd and its data. */
  public record Ready(int events, Data data) {}

  private static final class Interest {
    final Fd target;
    int events;
    Data data;
    boolean disarmed;

    Interest(Fd target, int events, Data data) {
      this.target = target;
      this.events = events;
      this.data = data;
    }

    int ready() {
      if (disarmed || !target.isOpen()) {
        return 0;
      }
      int ready = (target.readable() ? IN : 0) | (target.writable() ? OUT : 0);
      return ready & events;
    }
  }

  private final Map<Integer, Interest> interests = new LinkedHashMap<>();

  @Override
  public int filetype() {
    return FileType.UNKNOWN;
  }

  /** EPOLL_CTL_ADD: {@code EEXIST} if the fd number is already watched. */
  public void add(int number, Fd target, int events, Data data) {
    requireNotSelf(target);
    dropClosed();
    if (interests.containsKey(number)) {
      throw new WasiException(Errno.EXIST);
    }
    interests.put(number, new Interest(target, events, data));
  }

  /** EPOLL_CTL_MOD: new events and data, re-arming a one-shot fd; {@code ENOENT} if not watched. */
  public void modify(int number, Fd target, int events, Data data) {
    Interest interest = watched(number, target);
    interest.events = events;
    interest.data = data;
    interest.disarmed = false;
  }

  /** EPOLL_CTL_DEL: {@code ENOENT} if not watched. */
  public void remove(int number, Fd target) {
    watched(number, target);
    interests.remove(number);
  }

  /** The fds ready now, at most {@code max}, in registration order; disarms reported one-shots. */
  public List<Ready> poll(int max) {
    dropClosed();
    List<Ready> ready = new ArrayList<>();
    for (Interest interest : interests.values()) {
      if (ready.size() == max) {
        break;
      }
      int events = interest.ready();
      if (events != 0) {
        ready.add(new Ready(events, interest.data));
        if ((interest.events & ONESHOT) != 0) {
          interest.disarmed = true;
        }
      }
    }
    return ready;
  }

  /** Readable when a wait would report something (an epoll fd watched by another). */
  @Override
  public boolean readable() {
    return interests.values().stream().anyMatch(i -> i.ready() != 0);
  }

  @Override
  public boolean writable() {
    return false;
  }

  private Interest watched(int number, Fd target) {
    requireNotSelf(target);
    dropClosed();
    Interest interest = interests.get(number);
    if (interest == null || interest.target != target) {
      throw new WasiException(Errno.NOENT);
    }
    return interest;
  }

  private void requireNotSelf(Fd target) {
    if (target == this) {
      throw new WasiException(Errno.INVAL);
    }
  }

  private void dropClosed() {
    interests.values().removeIf(i -> !i.target.isOpen());
  }
}
