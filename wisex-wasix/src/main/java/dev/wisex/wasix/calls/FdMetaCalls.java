package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.DirFd;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.fs.FileFd;
import dev.wisex.wasix.fs.FileType;
import dev.wisex.wasix.state.WasiState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything about an fd other than its bytes: stat, flags, sizes, preopens, directory listing,
 * lifetime.
 */
public final class FdMetaCalls {
  /**
   * Every preview1 right: rights are advisory in WASIX and wasi-libc never relies on them being
   * narrow.
   */
  static final long ALL_RIGHTS = 0x1FFF_FFFFL;

  private FdMetaCalls() {}

  public static int fdClose(WasiState s, GuestMem m, long[] a) {
    s.fds().close(a[0]);
    return Errno.SUCCESS;
  }

  /**
   * fd_sync, fd_datasync: the sandbox is memory, so there is nothing to sync; the fd must exist.
   */
  public static int fdSync(WasiState s, GuestMem m, long[] a) {
    s.fds().get(a[0]);
    return Errno.SUCCESS;
  }

  /** fd_fdstat_get(fd, fdstat*): filetype u8, flags u16 at 2, rights at 8 and 16. */
  public static int fdFdstatGet(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    writeFdstat(m, a[1], fd.filetype(), fd.fdflags, ALL_RIGHTS, ALL_RIGHTS);
    return Errno.SUCCESS;
  }

  /** Writes an fdstat: filetype u8, flags u16 at 2, rights at 8 and inheriting rights at 16. */
  static void writeFdstat(
      GuestMem m, long address, int filetype, int flags, long rights, long inheriting) {
    m.write(address, new byte[24]);
    m.putU8(address, filetype);
    m.putU16(address + 2, flags);
    m.putU64(address + 8, rights);
    m.putU64(address + 16, inheriting);
  }

  public static int fdFdstatSetFlags(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    if ((a[1] & ~0x1FL) != 0) {
      throw new WasiException(Errno.INVAL);
    }
    fd.fdflags = (int) a[1];
    return Errno.SUCCESS;
  }

  /**
   * fd_fdstat_set_rights: accepted and ignored, as rights are not enforced (wasmer does the same).
   */
  public static int fdFdstatSetRights(WasiState s, GuestMem m, long[] a) {
    s.fds().get(a[0]);
    return Errno.SUCCESS;
  }

  public static int fdFilestatGet(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    if (fd instanceof FileFd file && !file.stillAtPath()) {
      // Renamed or unlinked since it was opened: POSIX still stats the open file itself.
      Stat.writeRaw(m, a[1], file.inode(), fd.filetype(), 0, file.size(), 0, 0, 0);
    } else if (fd.path() != null) {
      Stat.write(m, a[1], fd.path());
    } else {
      Stat.writeRaw(m, a[1], 0, fd.filetype(), 1, 0, 0, 0, 0);
    }
    return Errno.SUCCESS;
  }

  public static int fdFilestatSetSize(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    if (!(fd instanceof FileFd file)) {
      throw new WasiException(fd instanceof DirFd ? Errno.ISDIR : Errno.INVAL);
    }
    s.sandbox().checkWritable(file.path());
    file.truncate(a[1]);
    return Errno.SUCCESS;
  }

  public static int fdFilestatSetTimes(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    if (fd.path() == null) {
      throw new WasiException(Errno.BADF);
    }
    s.sandbox().checkWritable(fd.path());
    Stat.setTimes(fd.path(), a[1], a[2], a[3], s.clock().fileTime());
    return Errno.SUCCESS;
  }

  /** fd_advise: a hint; only the fd and the advice value are checked. */
  public static int fdAdvise(WasiState s, GuestMem m, long[] a) {
    s.fds().get(a[0]);
    if (a[3] > 5) {
      throw new WasiException(Errno.INVAL);
    }
    return Errno.SUCCESS;
  }

  /** fd_allocate(fd, offset, len): grows the file to offset + len if it is shorter. */
  public static int fdAllocate(WasiState s, GuestMem m, long[] a) {
    FileFd file = s.fds().get(a[0], FileFd.class, Errno.BADF);
    long end = a[1] + a[2];
    if (a[1] < 0 || a[2] < 0 || end < 0) {
      throw new WasiException(Errno.INVAL);
    }
    if (end > file.size()) {
      file.truncate(end);
    }
    return Errno.SUCCESS;
  }

  public static int fdRenumber(WasiState s, GuestMem m, long[] a) {
    s.fds().renumber(a[0], a[1]);
    return Errno.SUCCESS;
  }

  /** fd_prestat_get(fd, prestat*): tag 0 (directory) and the name's length at 4. */
  public static int fdPrestatGet(WasiState s, GuestMem m, long[] a) {
    String name = preopenName(s, a[0]);
    m.putU32(a[1], 0);
    m.putU32(a[1] + 4, name.getBytes(StandardCharsets.UTF_8).length);
    return Errno.SUCCESS;
  }

  public static int fdPrestatDirName(WasiState s, GuestMem m, long[] a) {
    byte[] name = preopenName(s, a[0]).getBytes(StandardCharsets.UTF_8);
    if (a[2] < name.length) {
      throw new WasiException(Errno.NAMETOOLONG);
    }
    m.write(a[1], name);
    return Errno.SUCCESS;
  }

  private static String preopenName(WasiState s, long fd) {
    Fd found = s.fds().get(fd);
    if (!(found instanceof DirFd dir) || dir.guestName() == null) {
      throw new WasiException(Errno.BADF);
    }
    return dir.guestName();
  }

  /**
   * fd_readdir(fd, buf, buf_len, cookie, bufused*): {@code .}, {@code ..}, then entries in name
   * order; the cookie is the index of the next entry. The last entry is cut at the buffer's end, as
   * the ABI specifies, so a full buffer tells the guest to call again.
   */
  public static int fdReaddir(WasiState s, GuestMem m, long[] a) {
    DirFd dir = s.fds().get(a[0], DirFd.class, Errno.NOTDIR);
    List<Path> entries = new ArrayList<>();
    entries.add(dir.path());
    entries.add(dir.path().equals(dir.root()) ? dir.path() : dir.path().getParent());
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.path())) {
      stream.forEach(children::add);
    } catch (IOException e) {
      throw Io.errno(e);
    }
    children.sort(null);
    entries.addAll(children);
    m.checkRange(a[1], a[2]);
    int capacity = (int) Math.min(a[2], Integer.MAX_VALUE - 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // The cookie is a u64: one at or past the end (or above 2^63) lists nothing more.
    for (long i = a[3]; i >= 0 && i < entries.size() && out.size() < capacity; i++) {
      Path entry = entries.get((int) i);
      String name = i == 0 ? "." : i == 1 ? ".." : entry.getFileName().toString();
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      byte[] header = new byte[24];
      GuestMem.le(header, 0, 8, i + 1);
      GuestMem.le(header, 8, 8, inode(entry));
      GuestMem.le(header, 16, 4, nameBytes.length);
      header[20] = (byte) fileType(entry);
      out.writeBytes(header);
      out.writeBytes(nameBytes);
    }
    byte[] listing = out.toByteArray();
    int used = Math.min(capacity, listing.length);
    m.write(a[1], listing, 0, used);
    m.putSize(a[4], used);
    return Errno.SUCCESS;
  }

  private static long inode(Path path) {
    try {
      return ((Number) Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
    } catch (IOException e) {
      return 0;
    }
  }

  private static int fileType(Path path) {
    if (Files.isSymbolicLink(path)) {
      return FileType.SYMBOLIC_LINK;
    }
    return Files.isDirectory(path) ? FileType.DIRECTORY : FileType.REGULAR_FILE;
  }
}
