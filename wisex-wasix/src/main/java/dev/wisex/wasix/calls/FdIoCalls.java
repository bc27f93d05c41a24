package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.state.WasiState;
import java.io.ByteArrayOutputStream;

/** Reading, writing and positioning: fd_read/write, fd_pread/pwrite, fd_seek/tell. */
public final class FdIoCalls {
  private FdIoCalls() {}

  /** fd_write(fd, iovs, iovs_len, nwritten*). */
  public static int fdWrite(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    int n = fd.write(gather(m, a[1], a[2]));
    m.putSize(a[3], n);
    return Errno.SUCCESS;
  }

  /** fd_pwrite(fd, iovs, iovs_len, offset, nwritten*). */
  public static int fdPwrite(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    int n = fd.pwrite(gather(m, a[1], a[2]), a[3]);
    m.putSize(a[4], n);
    return Errno.SUCCESS;
  }

  /**
   * fd_read(fd, iovs, iovs_len, nread*): fills buffers in order, stopping at the first short read.
   */
  public static int fdRead(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    m.putSize(a[3], scatter(m, a[1], a[2], (buf, len) -> fd.read(buf, 0, len)));
    return Errno.SUCCESS;
  }

  /** fd_pread(fd, iovs, iovs_len, offset, nread*). */
  public static int fdPread(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    long[] position = {a[3]};
    long n =
        scatter(
            m,
            a[1],
            a[2],
            (buf, len) -> {
              int got = fd.pread(buf, 0, len, position[0]);
              position[0] += got;
              return got;
            });
    m.putSize(a[4], n);
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

  private interface Reader {
    int read(byte[] buf, int len);
  }

  /** The whole iovec array must lie in memory (count is at most 2^32, so no overflow). */
  private static void checkIovecs(GuestMem m, long iovs, long count) {
    if (count < 0) {
      throw new WasiException(Errno.INVAL);
    }
    m.checkRange(iovs, count * 2L * m.pointerSize());
  }

  private static long scatter(GuestMem m, long iovs, long count, Reader reader) {
    checkIovecs(m, iovs, count);
    long total = 0;
    for (long i = 0; i < count; i++) {
      long iov = iovs + 2L * m.pointerSize() * i;
      long buf = m.ptr(iov);
      int len = GuestMem.checkedLength(m.size(iov + m.pointerSize()));
      m.checkRange(buf, len);
      byte[] tmp = new byte[len];
      int n = reader.read(tmp, len);
      m.write(buf, tmp, 0, n);
      total += n;
      if (n < len) {
        break;
      }
    }
    return total;
  }

  private static byte[] gather(GuestMem m, long iovs, long count) {
    checkIovecs(m, iovs, count);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long i = 0; i < count; i++) {
      long iov = iovs + 2L * m.pointerSize() * i;
      long buf = m.ptr(iov);
      long len = m.size(iov + m.pointerSize());
      out.writeBytes(m.bytes(buf, GuestMem.checkedLength(len)));
      if (out.size() < 0) {
        throw new WasiException(Errno.OVERFLOW);
      }
    }
    return out.toByteArray();
  }
}
