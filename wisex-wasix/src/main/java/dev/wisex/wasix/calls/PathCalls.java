package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.DirFd;
import dev.wisex.wasix.fs.FileFd;
import dev.wisex.wasix.fs.PathResolver;
import dev.wisex.wasix.state.WasiState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/**
 * The path_* calls: every path goes through {@link PathResolver}, so none can leave its preopen.
 */
public final class PathCalls {
  static final int LOOKUP_SYMLINK_FOLLOW = 1;
  static final int O_CREAT = 1;
  static final int O_DIRECTORY = 2;
  static final int O_EXCL = 4;
  static final int O_TRUNC = 8;
  static final long RIGHT_FD_READ = 1L << 1;
  static final long RIGHT_FD_WRITE = 1L << 6;

  private PathCalls() {}

  /**
   * path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd*).
   */
  public static int pathOpen(WasiState s, GuestMem m, long[] a) {
    int fd = open(s, m, a[0], a[1], m.string(a[2], a[3]), (int) a[4], a[5], (int) a[7], 0, false);
    m.putU32(a[8], fd);
    return Errno.SUCCESS;
  }

  /**
   * path_open in {@code wasi_snapshot_preview1}, as wasmtime answers it (its files are the host's,
   * so Linux's rules for directories hold): {@code O_DIRECTORY} with {@code O_CREAT}, {@code
   * O_EXCL} or {@code O_TRUNC} is {@code EINVAL}; creating a name that ends in {@code /}, or
   * opening a directory to write or with {@code O_CREAT}, is {@code EISDIR}; {@code O_CREAT|O_EXCL}
   * on any existing name, a symlink included, is {@code EEXIST}.
   */
  public static int pathOpenAsWasmtime(WasiState s, GuestMem m, long[] a) {
    int fd = open(s, m, a[0], a[1], m.string(a[2], a[3]), (int) a[4], a[5], (int) a[7], 0, true);
    m.putU32(a[8], fd);
    return Errno.SUCCESS;
  }

  /** WASIX path_open2: path_open plus fdflagsext (cloexec). */
  public static int pathOpen2(WasiState s, GuestMem m, long[] a) {
    int fd =
        open(
            s,
            m,
            a[0],
            a[1],
            m.string(a[2], a[3]),
            (int) a[4],
            a[5],
            (int) a[7],
            (int) a[8],
            false);
    m.putU32(a[9], fd);
    return Errno.SUCCESS;
  }

  private static int open(
      WasiState s,
      GuestMem m,
      long dirFd,
      long dirflags,
      String guestPath,
      int oflags,
      long rights,
      int fdflags,
      int fdflagsExt,
      boolean asWasmtime) {
    boolean create = (oflags & O_CREAT) != 0;
    boolean exclusive = create && (oflags & O_EXCL) != 0;
    if (asWasmtime) {
      if ((oflags & O_DIRECTORY) != 0 && (oflags & (O_CREAT | O_EXCL | O_TRUNC)) != 0) {
        throw new WasiException(Errno.INVAL);
      }
      if (create && PathResolver.namesDirectory(guestPath)) {
        throw new WasiException(Errno.ISDIR);
      }
    }
    DirFd dir = s.fds().get(dirFd, DirFd.class, Errno.NOTDIR);
    // Linux's O_CREAT|O_EXCL never follows a final symlink: the name itself exists.
    boolean follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0 && !(asWasmtime && exclusive);
    Path path = PathResolver.resolve(dir, guestPath, follow);
    boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    if (exists && exclusive) {
      throw new WasiException(Errno.EXIST);
    }
    if (asWasmtime
        && ((rights & RIGHT_FD_WRITE) != 0 || create)
        && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new WasiException(Errno.ISDIR);
    }
    if (!exists && ((oflags & O_CREAT) == 0 || (oflags & O_DIRECTORY) != 0)) {
      throw new WasiException(Errno.NOENT);
    }
    if (!exists && PathResolver.namesDirectory(guestPath)) {
      throw new WasiException(Errno.ISDIR); // O_CREAT makes a file, never a directory
    }
    if (exists && Files.isSymbolicLink(path)) {
      throw new WasiException(Errno.LOOP);
    }
    boolean writable = (rights & RIGHT_FD_WRITE) != 0 || (oflags & O_TRUNC) != 0;
    if (!exists || writable) {
      s.sandbox().checkWritable(path);
    }
    if (exists && Files.isDirectory(path)) {
      if ((oflags & O_TRUNC) != 0) {
        throw new WasiException(Errno.ISDIR);
      }
      DirFd opened = new DirFd(path, dir.root(), null, dir.rootName());
      opened.fdflags = fdflags;
      opened.fdflagsExt = fdflagsExt;
      opened.openRights = rights;
      return s.fds().add(opened);
    }
    if ((oflags & O_DIRECTORY) != 0) {
      throw new WasiException(Errno.NOTDIR);
    }
    Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (!exists) {
      options.add(StandardOpenOption.CREATE_NEW);
    }
    if ((oflags & O_TRUNC) != 0) {
      options.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    if (exists) {
      s.sandbox().materialize(path);
    }
    try {
      FileChannel channel = FileChannel.open(path, options);
      FileFd file =
          new FileFd(path, channel, (rights & RIGHT_FD_READ) != 0 || !writable, writable, fdflags);
      file.fdflagsExt = fdflagsExt;
      file.openRights = rights;
      return s.fds().add(file);
    } catch (IOException e) {
      throw Io.errno(e);
    }
  }

  public static int pathCreateDirectory(WasiState s, GuestMem m, long[] a) {
    Path path = changed(s, resolve(s, m, a[0], a[1], a[2], false));
    Io.run(() -> Files.createDirectory(path));
    return Errno.SUCCESS;
  }

  public static int pathRemoveDirectory(WasiState s, GuestMem m, long[] a) {
    if (PathResolver.endsInDot(m.string(a[1], a[2]))) {
      throw new WasiException(Errno.INVAL); // rmdir("d/.") as Linux
    }
    Path path = resolve(s, m, a[0], a[1], a[2], false);
    requireExists(path);
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new WasiException(Errno.NOTDIR);
    }
    changed(s, path);
    Io.run(() -> Files.delete(path));
    return Errno.SUCCESS;
  }

  public static int pathUnlinkFile(WasiState s, GuestMem m, long[] a) {
    Path path = resolve(s, m, a[0], a[1], a[2], false);
    requireExists(path);
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new WasiException(Errno.ISDIR);
    }
    changed(s, path);
    Io.run(() -> Files.delete(path));
    return Errno.SUCCESS;
  }

  /** path_rename(fd, old, old_len, new_fd, new, new_len), with POSIX rename's replace rules. */
  public static int pathRename(WasiState s, GuestMem m, long[] a) {
    Path from = resolve(s, m, a[0], a[1], a[2], false);
    Path to = resolve(s, m, a[3], a[4], a[5], false);
    requireExists(from);
    changed(s, from);
    changed(s, to);
    boolean fromDir = Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS);
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      boolean toDir = Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS);
      if (fromDir && !toDir) {
        throw new WasiException(Errno.NOTDIR);
      }
      if (!fromDir && toDir) {
        throw new WasiException(Errno.ISDIR);
      }
      if (toDir && !isEmpty(to)) {
        throw new WasiException(Errno.NOTEMPTY);
      }
    }
    if (fromDir && to.startsWith(from) && !to.equals(from)) {
      throw new WasiException(Errno.INVAL);
    }
    Io.run(() -> Files.move(from, to, StandardCopyOption.REPLACE_EXISTING));
    return Errno.SUCCESS;
  }

  /** path_filestat_get(fd, flags, path, path_len, filestat*). */
  public static int pathFilestatGet(WasiState s, GuestMem m, long[] a) {
    Path path = resolve(s, m, a[0], a[2], a[3], (a[1] & LOOKUP_SYMLINK_FOLLOW) != 0);
    requireExists(path);
    s.sandbox().materialize(path);
    Stat.write(m, a[4], path);
    return Errno.SUCCESS;
  }

  /** path_filestat_set_times(fd, flags, path, path_len, atim, mtim, fst_flags). */
  public static int pathFilestatSetTimes(WasiState s, GuestMem m, long[] a) {
    Path path = resolve(s, m, a[0], a[2], a[3], (a[1] & LOOKUP_SYMLINK_FOLLOW) != 0);
    requireExists(path);
    changed(s, path);
    Stat.setTimes(path, a[4], a[5], a[6], s.clock().fileTime());
    return Errno.SUCCESS;
  }

  /** path_readlink(fd, path, path_len, buf, buf_len, bufused*): the target, cut to the buffer. */
  public static int pathReadlink(WasiState s, GuestMem m, long[] a) {
    Path path = resolve(s, m, a[0], a[1], a[2], false);
    requireExists(path);
    if (!Files.isSymbolicLink(path)) {
      throw new WasiException(Errno.INVAL);
    }
    byte[] target;
    try {
      target = Files.readSymbolicLink(path).toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Io.errno(e);
    }
    int n = (int) Math.min(target.length, a[4]);
    m.write(a[3], target, 0, n);
    m.putSize(a[5], n);
    return Errno.SUCCESS;
  }

  /**
   * path_symlink(old, old_len, fd, new, new_len). Any target may be stored (as POSIX allows);
   * resolution refuses to follow one out of the preopen.
   */
  public static int pathSymlink(WasiState s, GuestMem m, long[] a) {
    String target = m.string(a[0], a[1]);
    if (target.indexOf('\0') >= 0) {
      throw new WasiException(Errno.INVAL);
    }
    // As Linux: an empty target names nothing; a link is a file, never named like a directory.
    if (target.isEmpty() || PathResolver.namesDirectory(m.string(a[3], a[4]))) {
      throw new WasiException(Errno.NOENT);
    }
    Path link = changed(s, resolve(s, m, a[2], a[3], a[4], false));
    Io.run(() -> Files.createSymbolicLink(link, link.getFileSystem().getPath(target)));
    return Errno.SUCCESS;
  }

  /** path_link(old_fd, old_flags, old, old_len, new_fd, new, new_len): hard links to files only. */
  public static int pathLink(WasiState s, GuestMem m, long[] a) {
    Path from = resolve(s, m, a[0], a[2], a[3], (a[1] & LOOKUP_SYMLINK_FOLLOW) != 0);
    Path to = changed(s, resolve(s, m, a[4], a[5], a[6], false));
    requireExists(from);
    if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      throw new WasiException(Errno.PERM);
    }
    if (Files.isSymbolicLink(from)) {
      // linkat without AT_SYMLINK_FOLLOW links the symlink itself; Jimfs links only files, and a
      // symlink never changes, so a second one with its target is the same to every later call
      // but fstat's inode and link count.
      Io.run(() -> Files.createSymbolicLink(to, Files.readSymbolicLink(from)));
      return Errno.SUCCESS;
    }
    Io.run(() -> Files.createLink(to, from));
    return Errno.SUCCESS;
  }

  static Path resolve(WasiState s, GuestMem m, long fd, long ptr, long len, boolean follow) {
    DirFd dir = s.fds().get(fd, DirFd.class, Errno.NOTDIR);
    return PathResolver.resolve(dir, m.string(ptr, len), follow);
  }

  /** {@code path}, if the guest may change it (not in a read-only preopen). */
  private static Path changed(WasiState s, Path path) {
    s.sandbox().checkWritable(path);
    return path;
  }

  private static void requireExists(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new WasiException(Errno.NOENT);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      return !stream.iterator().hasNext();
    } catch (IOException e) {
      throw Io.errno(e);
    }
  }
}
