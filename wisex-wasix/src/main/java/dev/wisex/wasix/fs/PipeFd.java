package dev.wisex.wasix.fs;

import dev.wisex.api.InitFailedException;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One end of an in-memory pipe ({@code fd_pipe}). Init is single-threaded, so a read from an empty
 * pipe whose write end is still open could only be satisfied by a thread that does not exist: it
 * fails init instead of hanging (or returns EAGAIN with non-blocking set).
 */
public final class PipeFd extends Fd {
  /** The bytes in flight and how many write ends are open. */
  public static final class Buffer {
    private byte[] data = new byte[0];
    private int writers = 1;

    int available() {
      return data.length;
    }
  }

  private final Buffer buffer;
  private final boolean readEnd;

  public PipeFd(Buffer buffer, boolean readEnd) {
    this.buffer = buffer;
    this.readEnd = readEnd;
  }

  @Override
  public int filetype() {
    return FileType.SOCKET_STREAM;
  }

  @Override
  public int read(byte[] dst, int off, int len) {
    if (!readEnd) {
      throw new WasiException(Errno.BADF);
    }
    if (buffer.data.length == 0) {
      if (buffer.writers == 0 || len == 0) {
        return 0;
      }
      if ((fdflags & 4) != 0) {
        throw new WasiException(Errno.AGAIN);
      }
      throw new InitFailedException(
          "init read from an empty pipe whose write end is open: it would block forever during init");
    }
    int n = Math.min(len, buffer.data.length);
    System.arraycopy(buffer.data, 0, dst, off, n);
    buffer.data = Arrays.copyOfRange(buffer.data, n, buffer.data.length);
    return n;
  }

  @Override
  public int write(byte[] src) {
    if (readEnd) {
      throw new WasiException(Errno.BADF);
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    joined.writeBytes(buffer.data);
    joined.writeBytes(src);
    buffer.data = joined.toByteArray();
    return src.length;
  }

  @Override
  public boolean readable() {
    return !readEnd || buffer.available() > 0 || buffer.writers == 0;
  }

  @Override
  public boolean writable() {
    return !readEnd;
  }

  @Override
  public void close() {
    if (!readEnd) {
      buffer.writers--;
    }
  }
}
