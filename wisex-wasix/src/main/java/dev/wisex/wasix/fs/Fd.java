package dev.wisex.wasix.fs;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.nio.file.Path;

/**
 * An open file description. Several fd numbers may share one ({@code fd_dup}), as in POSIX: they
 * share the offset and flags; the description is closed when its last number is.
 */
public abstract class Fd {
  /** WASI fdflags (append, nonblock, ...). */
  public int fdflags;

  /** WASIX fdflagsext (cloexec). */
  public int fdflagsExt;

  /**
   * The {@code rights_base} of the {@code path_open} that made this fd, or -1 for one it did not
   * make (stdio, a preopen): wasmtime derives an fd's rights from it (WasmtimeFdstat).
   */
  public long openRights = -1;

  int references;

  /** Whether an fd number still refers to this description (epoll drops closed ones). */
  boolean isOpen() {
    return references > 0;
  }

  public abstract int filetype();

  /** Reads up to {@code len} bytes at the current position; 0 at end of file. */
  public int read(byte[] dst, int off, int len) {
    throw new WasiException(Errno.BADF);
  }

  /** Writes all of {@code src} at the current position (or the end, with append). */
  public int write(byte[] src) {
    throw new WasiException(Errno.BADF);
  }

  public int pread(byte[] dst, int off, int len, long position) {
    throw new WasiException(Errno.SPIPE);
  }

  public int pwrite(byte[] src, long position) {
    throw new WasiException(Errno.SPIPE);
  }

  public long seek(long offset, int whence) {
    throw new WasiException(Errno.SPIPE);
  }

  /** Whether a read would return at once (poll_oneoff). */
  public boolean readable() {
    return true;
  }

  /**
   * Whether poll_oneoff reports the fd readable now; the same as {@link #readable()} except where
   * wasmer reports an fd only once per change (event fds).
   */
  public boolean pollReadable() {
    return readable();
  }

  /**
   * Whether a write would return at once (epoll). Everything in the sandbox accepts writes at once
   * except the read end of a pipe, which takes none.
   */
  public boolean writable() {
    return true;
  }

  /** The sandbox path behind this fd, or {@code null} for streams. */
  public Path path() {
    return null;
  }

  public long size() {
    return 0;
  }

  /** Releases resources once the last fd number referring to this description is closed. */
  public void close() {}
}
