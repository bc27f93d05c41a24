package dev.wisex.wasix.fs;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path against a directory fd, component by component, so that no path can leave
 * the fd's preopen: an absolute path, {@code ..} above the preopen's root, or a symlink whose
 * target is absolute or climbs out all fail with {@link Errno#ESCAPE}. Symlinks are expanded here,
 * never by the file system.
 */
public final class PathResolver {
  /** POSIX's SYMLOOP_MAX on Linux. */
  private static final int MAX_SYMLINKS = 40;

  /** Linux's NAME_MAX: the longest name of one directory entry, in bytes. */
  static final int NAME_MAX = 255;

  /** Linux's PATH_MAX, the terminating NUL included. */
  static final int PATH_MAX = 4096;

  private PathResolver() {}

  /**
   * The sandbox path {@code guestPath} names, relative to {@code dir}.
   *
   * @param followFinal whether a symlink in the last component is followed
   */
  public static Path resolve(DirFd dir, String guestPath, boolean followFinal) {
    if (guestPath.isEmpty()) {
      throw new WasiException(Errno.NOENT);
    }
    if (guestPath.indexOf('\0') >= 0) {
      throw new WasiException(Errno.INVAL);
    }
    checkLength(guestPath);
    // A trailing slash names a directory: the last symlink is followed, and a file is ENOTDIR.
    boolean directory = namesDirectory(guestPath);
    followFinal |= directory;
    Path root = dir.root();
    List<String> stack = new ArrayList<>();
    String relative = guestPath;
    if (guestPath.startsWith("/")) {
      relative = insidePreopen(dir.rootName(), guestPath);
    } else {
      for (Path part : root.relativize(dir.path())) {
        if (!part.toString().isEmpty()) {
          stack.add(part.toString());
        }
      }
    }
    Deque<String> pending = new ArrayDeque<>(split(relative));
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.removeFirst();
      if (part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (stack.isEmpty()) {
          throw new WasiException(Errno.ESCAPE);
        }
        stack.removeLast();
        continue;
      }
      Path candidate = join(root, stack).resolve(part);
      boolean last = pending.isEmpty();
      if ((!last || followFinal) && Files.isSymbolicLink(candidate)) {
        if (++links > MAX_SYMLINKS) {
          throw new WasiException(Errno.LOOP);
        }
        String target = readLink(candidate);
        if (target.startsWith("/")) {
          throw new WasiException(Errno.ESCAPE);
        }
        List<String> parts = split(target);
        for (int i = parts.size() - 1; i >= 0; i--) {
          pending.addFirst(parts.get(i));
        }
        continue;
      }
      if (!last
          && Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(candidate)) {
        throw new WasiException(Errno.NOTDIR);
      }
      stack.add(part);
    }
    Path resolved = join(root, stack);
    if (directory
        && Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS)) {
      throw new WasiException(Errno.NOTDIR);
    }
    return resolved;
  }

  /** Whether {@code guestPath} ends in a slash after a name: it can only name a directory. */
  public static boolean namesDirectory(String guestPath) {
    return guestPath.endsWith("/") && !split(guestPath).isEmpty();
  }

  /** Whether the last name in {@code guestPath} is {@code .}, which rmdir refuses as EINVAL. */
  public static boolean endsInDot(String guestPath) {
    List<String> parts = split(guestPath);
    return !parts.isEmpty() && parts.getLast().equals(".");
  }

  /**
   * Linux's limits: a name of more than {@link #NAME_MAX} bytes, or a path of {@link #PATH_MAX}
   * bytes or more, is ENAMETOOLONG.
   */
  private static void checkLength(String guestPath) {
    byte[] bytes = guestPath.getBytes(StandardCharsets.UTF_8);
    if (bytes.length >= PATH_MAX) {
      throw new WasiException(Errno.NAMETOOLONG);
    }
    for (String part : split(guestPath)) {
      if (part.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        throw new WasiException(Errno.NAMETOOLONG);
      }
    }
  }

  /**
   * An absolute guest path relative to the root of the preopen named {@code preopen}, as WASIX
   * libcs pass them (wasmer resolves them from the root of its virtual file system); one that names
   * a place outside that preopen escapes.
   */
  private static String insidePreopen(String preopen, String absolute) {
    if (preopen == null || !preopen.startsWith("/")) {
      throw new WasiException(Errno.ESCAPE);
    }
    List<String> name = split(preopen);
    List<String> path = split(absolute);
    if (path.size() < name.size() || !path.subList(0, name.size()).equals(name)) {
      throw new WasiException(Errno.ESCAPE);
    }
    return String.join("/", path.subList(name.size(), path.size()));
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  private static Path join(Path root, List<String> parts) {
    Path path = root;
    for (String part : parts) {
      path = path.resolve(part);
    }
    return path;
  }
}
