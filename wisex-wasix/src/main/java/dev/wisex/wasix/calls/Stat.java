package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.FileType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a WASI {@code filestat} (64 bytes: dev, ino, filetype, nlink, size, atim, mtim, ctim). The
 * device number is always 0: the sandbox is one device, and a host-dependent number would leak into
 * snapshots.
 */
final class Stat {
  static final int SIZE = 64;

  private Stat() {}

  static void write(GuestMem memory, long address, Path path) {
    try {
      Map<String, Object> unix =
          Files.readAttributes(path, "unix:ino,nlink,ctime", LinkOption.NOFOLLOW_LINKS);
      BasicFileAttributes basic =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      int type =
          basic.isSymbolicLink()
              ? FileType.SYMBOLIC_LINK
              : basic.isDirectory()
                  ? FileType.DIRECTORY
                  : basic.isRegularFile() ? FileType.REGULAR_FILE : FileType.UNKNOWN;
      writeRaw(
          memory,
          address,
          ((Number) unix.get("ino")).longValue(),
          type,
          ((Number) unix.get("nlink")).longValue(),
          // A symlink's size is its target's length (lstat), which Jimfs reports as 0.
          basic.isSymbolicLink()
              ? Files.readSymbolicLink(path).toString().getBytes(StandardCharsets.UTF_8).length
              : basic.size(),
          nanos(basic.lastAccessTime()),
          nanos(basic.lastModifiedTime()),
          nanos((FileTime) unix.get("ctime")));
    } catch (IOException e) {
      throw Io.errno(e);
    }
  }

  static void writeRaw(
      GuestMem memory,
      long address,
      long ino,
      int type,
      long nlink,
      long size,
      long atim,
      long mtim,
      long ctim) {
    byte[] zero = new byte[SIZE];
    memory.write(address, zero);
    memory.putU64(address + 8, ino);
    memory.putU8(address + 16, type);
    memory.putU64(address + 24, nlink);
    memory.putU64(address + 32, size);
    memory.putU64(address + 40, atim);
    memory.putU64(address + 48, mtim);
    memory.putU64(address + 56, ctim);
  }

  /** Whether {@code fstflags} set a time both given and "now" ({@code atim} or {@code mtim}). */
  static boolean givenAndNow(long flags) {
    return (flags & 3) == 3 || (flags & 12) == 12;
  }

  /**
   * {@code fd_filestat_set_times}/{@code path_filestat_set_times}: flags ATIM=1, ATIM_NOW=2,
   * MTIM=4, MTIM_NOW=8.
   */
  static void setTimes(Path path, long atim, long mtim, long flags, FileTime now) {
    if (givenAndNow(flags) || (flags & ~15L) != 0) {
      throw new WasiException(Errno.INVAL);
    }
    FileTime access = (flags & 2) != 0 ? now : (flags & 1) != 0 ? time(atim) : null;
    FileTime modified = (flags & 8) != 0 ? now : (flags & 4) != 0 ? time(mtim) : null;
    Io.run(
        () ->
            Files.getFileAttributeView(path, BasicFileAttributeView.class)
                .setTimes(modified, access, null));
  }

  private static FileTime time(long nanos) {
    return FileTime.from(Instant.ofEpochSecond(0, nanos));
  }

  private static long nanos(FileTime time) {
    Instant instant = time.toInstant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
