package dev.wisex.wasix.fs;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** An open regular file in the sandbox. */
public final class FileFd extends Fd {
  public static final int APPEND = 1;

  private final Path path;
  private final FileChannel channel;
  private final boolean readable;
  private final boolean writable;
  private final long inode;

  public FileFd(Path path, FileChannel channel, boolean readable, boolean writable, int fdflags) {
    this.path = path;
    this.inode = inodeOf(path);
    this.channel = channel;
    this.readable = readable;
    this.writable = writable;
    this.fdflags = fdflags;
  }

  @Override
  public int filetype() {
    return FileType.REGULAR_FILE;
  }

  @Override
  public Path path() {
    return path;
  }

  public FileChannel channel() {
    return channel;
  }

  /** The inode number the file had when opened. */
  public long inode() {
    return inode;
  }

  /** Whether the path this fd was opened with still names the same file. */
  public boolean stillAtPath() {
    return inodeOf(path) == inode;
  }

  private static long inodeOf(Path path) {
    try {
      return ((Number) Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public int read(byte[] dst, int off, int len) {
    requireReadable();
    try {
      return Math.max(0, channel.read(ByteBuffer.wrap(dst, off, len)));
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  @Override
  public int write(byte[] src) {
    requireWritable();
    try {
      if ((fdflags & APPEND) != 0) {
        channel.position(channel.size());
      }
      checkEnd(channel.position(), src.length);
      if (src.length == 0) {
        return 0; // POSIX: a write of nothing changes nothing, not even a size past the end
      }
      return channel.write(ByteBuffer.wrap(src));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public int pread(byte[] dst, int off, int len, long position) {
    requireReadable();
    if (position < 0) {
      throw new WasiException(Errno.INVAL);
    }
    try {
      return Math.max(0, channel.read(ByteBuffer.wrap(dst, off, len), position));
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  @Override
  public int pwrite(byte[] src, long position) {
    requireWritable();
    checkEnd(position, src.length);
    if (src.length == 0) {
      return 0; // POSIX: a write of nothing changes nothing, not even a size past the end
    }
    try {
      return channel.write(ByteBuffer.wrap(src), position);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public long seek(long offset, int whence) {
    try {
      long base =
          switch (whence) {
            case 0 -> 0;
            case 1 -> channel.position();
            case 2 -> channel.size();
            default -> throw new WasiException(Errno.INVAL);
          };
      long target = base + offset;
      if (target < 0) {
        throw new WasiException(Errno.INVAL);
      }
      channel.position(target);
      return target;
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  @Override
  public long size() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  /**
   * Sets the size: a negative one is {@code EINVAL} and one past the sandbox's capacity {@code
   * EFBIG}, as {@code ftruncate} says of sizes past the largest file.
   */
  public void truncate(long size) {
    requireWritable();
    checkEnd(size, 0);
    try {
      // ftruncate leaves the offset where it was; FileChannel.truncate would pull it to the end.
      long offset = channel.position();
      if (size < channel.size()) {
        channel.truncate(size);
        channel.position(offset);
      } else if (size > channel.size()) {
        channel.write(ByteBuffer.allocate(1), size - 1);
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  /**
   * A write of {@code length} bytes at {@code position}: a negative position, or an end past
   * 2^63-1, is {@code EINVAL} (Linux's {@code rw_verify_area}); an end past what the sandbox can
   * ever hold is {@code EFBIG}, before the file system is asked to allocate any of it.
   */
  private static void checkEnd(long position, long length) {
    if (position < 0 || position + length < 0) {
      throw new WasiException(Errno.INVAL);
    }
    if (position + length > Sandbox.CAPACITY) {
      throw new WasiException(Errno.FBIG);
    }
  }

  private static WasiException failure(IOException e) {
    return new WasiException(Sandbox.isFull(e) ? Errno.NOSPC : Errno.IO);
  }

  private void requireReadable() {
    if (!readable) {
      throw new WasiException(Errno.BADF);
    }
  }

  private void requireWritable() {
    if (!writable) {
      throw new WasiException(Errno.BADF);
    }
  }
}
