package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.state.WasiState;
import java.util.Arrays;

/**
 * Reading, writing and positioning: fd_read/write, fd_pread/pwrite, fd_seek/tell. Iovecs are
 * streamed in chunks of at most {@link #CHUNK} bytes, never gathered into one buffer, and one call
 * moves at most {@link #MAX_TRANSFER} bytes and never more than the memory holds (a short count,
 * which the guest's libc loops on), so no guest can make the host hold more than a chunk of its
 * data.
 */
public final class FdIoCalls {
  /** Linux's {@code MAX_RW_COUNT}: the most one read or write transfers. */
  static final long MAX_TRANSFER = 0x7fff_f000L;

  /** The host buffer per copy between memory and an fd. */
  static final int CHUNK = 64 * 1024;

  private FdIoCalls() {}

  /** Moves up to {@code len} bytes at a running position; returns how many moved. */
  private interface Transfer {
    int move(byte[] buf, int len, long position);
  }

  /** fd_write(fd, iovs, iovs_len, nwritten*). */
  public static int fdWrite(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    m.putSize(a[3], gather(m, a[1], a[2], 0, (buf, len, at) -> fd.write(slice(buf, len))));
    return Errno.SUCCESS;
  }

  /** fd_pwrite(fd, iovs, iovs_len, offset, nwritten*). */
  public static int fdPwrite(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    long offset = a[3];
    m.putSize(
        a[4], gather(m, a[1], a[2], offset, (buf, len, at) -> fd.pwrite(slice(buf, len), at)));
    return Errno.SUCCESS;
  }

  /**
   * fd_read(fd, iovs, iovs_len, nread*): fills buffers in order, stopping at the first short read.
   */
  public static int fdRead(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    m.putSize(a[3], scatter(m, a[1], a[2], 0, (buf, len, at) -> fd.read(buf, 0, len)));
    return Errno.SUCCESS;
  }

  /** fd_pread(fd, iovs, iovs_len, offset, nread*). */
  public static int fdPread(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    m.putSize(a[4], scatter(m, a[1], a[2], a[3], (buf, len, at) -> fd.pread(buf, 0, len, at)));
    return Errno.SUCCESS;
  }

  /** fd_seek(fd, offset, whence, newoffset*). */
  public static int fdSeek(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    m.putU64(a[3], fd.seek(a[1], (int) a[2]));
    return Errno.SUCCESS;
  }

  /** fd_tell(fd, offset*). */
  public static int fdTell(WasiState s, GuestMem m, long[] a) {
    m.putU64(a[1], s.fds().get(a[0]).seek(0, 1));
    return Errno.SUCCESS;
  }

  /**
   * Checks the iovec array and every buffer it names before anything moves (EFAULT, as Linux's
   * {@code import_iovec}); returns how many bytes the call may move: their sum, capped.
   */
  private static long checkIovecs(GuestMem m, long iovs, long count) {
    if (count < 0) {
      throw new WasiException(Errno.INVAL);
    }
    // count is at most 2^32 in wasm32 (no overflow); in wasm64 a huge one fails the range check.
    if (count > m.byteSize()) {
      throw new WasiException(Errno.FAULT);
    }
    m.checkRange(iovs, count * 2L * m.pointerSize());
    long total = 0;
    for (long i = 0; i < count; i++) {
      long iov = iovs + 2L * m.pointerSize() * i;
      long len = m.size(iov + m.pointerSize());
      m.checkRange(m.ptr(iov), len);
      total = Math.min(total + len, MAX_TRANSFER);
    }
    return Math.min(total, m.byteSize());
  }

  /** Copies guest buffers to {@code out} chunk by chunk; a short write ends the call. */
  private static long gather(GuestMem m, long iovs, long count, long position, Transfer out) {
    long limit = checkIovecs(m, iovs, count);
    byte[] chunk = new byte[(int) Math.min(CHUNK, limit)];
    if (limit == 0) {
      return moveOrShort(out, chunk, 0, position, 0);
    }
    long total = 0;
    for (long i = 0; i < count && total < limit; i++) {
      long iov = iovs + 2L * m.pointerSize() * i;
      long buf = m.ptr(iov);
      long len = Math.min(m.size(iov + m.pointerSize()), limit - total);
      for (long done = 0; done < len; ) {
        int n = (int) Math.min(CHUNK, len - done);
        m.read(buf + done, chunk, n);
        int moved = moveOrShort(out, chunk, n, position + total, total);
        total += moved;
        done += moved;
        if (moved < n) {
          return total;
        }
      }
    }
    return total;
  }

  /** Fills guest buffers from {@code in} chunk by chunk; a short read ends the call. */
  private static long scatter(GuestMem m, long iovs, long count, long position, Transfer in) {
    long limit = checkIovecs(m, iovs, count);
    byte[] chunk = new byte[(int) Math.min(CHUNK, limit)];
    if (limit == 0) {
      return moveOrShort(in, chunk, 0, position, 0);
    }
    long total = 0;
    for (long i = 0; i < count && total < limit; i++) {
      long iov = iovs + 2L * m.pointerSize() * i;
      long buf = m.ptr(iov);
      long len = Math.min(m.size(iov + m.pointerSize()), limit - total);
      for (long done = 0; done < len; ) {
        int n = (int) Math.min(CHUNK, len - done);
        int got = moveOrShort(in, chunk, n, position + total, total);
        m.write(buf + done, chunk, 0, got);
        total += got;
        done += got;
        if (got < n) {
          return total;
        }
      }
    }
    return total;
  }

  /**
   * One chunk; a failure after some bytes already moved ends the call with the count so far, as a
   * POSIX read or write that fails part-way returns what it did.
   */
  private static int moveOrShort(Transfer t, byte[] chunk, int n, long position, long before) {
    if (position < 0) {
      throw new WasiException(Errno.INVAL);
    }
    try {
      return t.move(chunk, n, position);
    } catch (WasiException e) {
      if (before > 0) {
        return 0;
      }
      throw e;
    }
  }

  private static byte[] slice(byte[] chunk, int len) {
    return len == chunk.length ? chunk : Arrays.copyOf(chunk, len);
  }
}
