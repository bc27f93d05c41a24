package dev.wisex.wasix.fs;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The guest's fd numbers. New numbers are the lowest free ones, as in POSIX, so a run is
 * reproducible; 0-2 are the standard streams and the preopens follow from 3.
 */
public final class FdTable {
  private static final int MAX_FDS = 1 << 16;

  private final TreeMap<Integer, Fd> fds = new TreeMap<>();

  public Fd get(long fd) {
    Fd found = fd < 0 || fd > Integer.MAX_VALUE ? null : fds.get((int) fd);
    if (found == null) {
      throw new WasiException(Errno.BADF);
    }
    return found;
  }

  public <T extends Fd> T get(long fd, Class<T> type, int errnoIfOther) {
    Fd found = get(fd);
    if (!type.isInstance(found)) {
      throw new WasiException(errnoIfOther);
    }
    return type.cast(found);
  }

  /** Puts {@code fd} at the lowest free number not below {@code min}. */
  public int add(Fd fd, int min) {
    int number = min;
    while (fds.containsKey(number)) {
      number++;
    }
    if (number >= MAX_FDS) {
      throw new WasiException(Errno.MFILE);
    }
    put(number, fd);
    return number;
  }

  public int add(Fd fd) {
    return add(fd, 0);
  }

  public void put(int number, Fd fd) {
    fd.references++;
    fds.put(number, fd);
  }

  public void close(long number) {
    Fd fd = get(number);
    fds.remove((int) number);
    release(fd);
  }

  public void renumber(long from, long to) {
    Fd fd = get(from);
    if (to < 0 || to >= MAX_FDS) {
      throw new WasiException(Errno.BADF);
    }
    if (from == to) {
      return;
    }
    Fd replaced = fds.put((int) to, fd);
    fds.remove((int) from);
    if (replaced != null) {
      release(replaced);
    }
  }

  public Map<Integer, Fd> all() {
    return fds;
  }

  private static void release(Fd fd) {
    if (--fd.references == 0) {
      fd.close();
    }
  }
}
