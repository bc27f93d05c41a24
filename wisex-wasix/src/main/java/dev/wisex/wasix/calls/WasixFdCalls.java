package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.DirFd;
import dev.wisex.wasix.fs.EventFd;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.fs.PathResolver;
import dev.wisex.wasix.fs.PipeFd;
import dev.wisex.wasix.state.WasiState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** WASIX's fd and directory extensions: dup, fd flags, pipes, event fds, cwd and the terminal. */
public final class WasixFdCalls {
  /**
   * {@code __wasi_tty_t}: four u32 sizes and five bools; only the 21 meaningful bytes are written.
   */
  private static final int TTY_SIZE = 21;

  private WasixFdCalls() {}

  public static int fdDup(WasiState s, GuestMem m, long[] a) {
    m.putU32(a[1], s.fds().add(s.fds().get(a[0])));
    return Errno.SUCCESS;
  }

  /**
   * fd_dup2(fd, min_result_fd, cloexec, fd*): F_DUPFD semantics, the lowest free number from min.
   */
  public static int fdDup2(WasiState s, GuestMem m, long[] a) {
    Fd fd = s.fds().get(a[0]);
    if (a[1] > Integer.MAX_VALUE) {
      throw new WasiException(Errno.BADF);
    }
    m.putU32(a[3], s.fds().add(fd, (int) a[1]));
    return Errno.SUCCESS;
  }

  public static int fdFdflagsGet(WasiState s, GuestMem m, long[] a) {
    m.putU16(a[1], s.fds().get(a[0]).fdflagsExt);
    return Errno.SUCCESS;
  }

  public static int fdFdflagsSet(WasiState s, GuestMem m, long[] a) {
    s.fds().get(a[0]).fdflagsExt = (int) a[1] & 0xFFFF;
    return Errno.SUCCESS;
  }

  /** fd_pipe(read_fd*, write_fd*). */
  public static int fdPipe(WasiState s, GuestMem m, long[] a) {
    PipeFd.Buffer buffer = new PipeFd.Buffer();
    int read = s.fds().add(new PipeFd(buffer, true));
    int write = s.fds().add(new PipeFd(buffer, false));
    m.putU32(a[0], read);
    m.putU32(a[1], write);
    return Errno.SUCCESS;
  }

  /** fd_event(initial, flags, fd*). */
  public static int fdEvent(WasiState s, GuestMem m, long[] a) {
    m.putU32(a[2], s.fds().add(new EventFd(a[0], (int) a[1])));
    return Errno.SUCCESS;
  }

  /**
   * getcwd(buf, len*): in/out length as wasmer: too small a buffer gets the needed length and
   * OVERFLOW.
   */
  public static int getcwd(WasiState s, GuestMem m, long[] a) {
    byte[] cwd = s.cwd().getBytes(StandardCharsets.UTF_8);
    long max = m.size(a[1]);
    m.putSize(a[1], cwd.length);
    if (cwd.length > max) {
      return Errno.OVERFLOW;
    }
    m.write(a[0], cwd);
    if (cwd.length < max) {
      m.putU8(a[0] + cwd.length, 0);
    }
    return Errno.SUCCESS;
  }

  /**
   * chdir(path, len): the target must be an existing directory inside a preopen, or the virtual
   * root; the sandbox keeps the guest path as the virtual working directory.
   */
  public static int chdir(WasiState s, GuestMem m, long[] a) {
    String requested = m.string(a[0], a[1]);
    String target = normalize(requested.startsWith("/") ? requested : s.cwd() + "/" + requested);
    for (Fd fd : s.fds().all().values()) {
      if (fd instanceof DirFd dir && dir.guestName() != null) {
        String root = normalize(dir.guestName());
        String rest = relativeTo(root, target);
        if (rest != null) {
          Path path = rest.isEmpty() ? dir.root() : PathResolver.resolve(dir, rest, true);
          if (!Files.exists(path)) {
            throw new WasiException(Errno.NOENT);
          }
          if (!Files.isDirectory(path)) {
            throw new WasiException(Errno.NOTDIR);
          }
          s.cwd(target);
          return Errno.SUCCESS;
        }
      }
    }
    if (target.equals("/")) {
      // The root of the virtual file system always exists, as in wasmer: an empty directory
      // unless a preopen is mapped there.
      s.cwd(target);
      return Errno.SUCCESS;
    }
    throw new WasiException(Errno.NOENT);
  }

  /**
   * tty_get(tty*): the sandbox's terminal, 80x25 and not a tty unless tty_set stored another state.
   */
  public static int ttyGet(WasiState s, GuestMem m, long[] a) {
    byte[] tty = s.tty();
    if (tty == null) {
      tty = new byte[TTY_SIZE];
      GuestMem.le(tty, 0, 4, 80);
      GuestMem.le(tty, 4, 4, 25);
      GuestMem.le(tty, 8, 4, 800);
      GuestMem.le(tty, 12, 4, 600);
    }
    m.write(a[0], tty);
    return Errno.SUCCESS;
  }

  public static int ttySet(WasiState s, GuestMem m, long[] a) {
    s.tty(m.bytes(a[0], TTY_SIZE));
    return Errno.SUCCESS;
  }

  private static String relativeTo(String root, String path) {
    if (root.equals("/")) {
      return path.substring(1);
    }
    if (path.equals(root)) {
      return "";
    }
    return path.startsWith(root + "/") ? path.substring(root.length() + 1) : null;
  }

  /**
   * An absolute guest path with {@code .} and {@code ..} folded ({@code ..} at / stays at /, as in
   * POSIX).
   */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : (path.startsWith("/") ? path : "/" + path).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
