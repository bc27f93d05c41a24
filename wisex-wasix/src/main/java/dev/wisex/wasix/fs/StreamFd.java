package dev.wisex.wasix.fs;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * fd 0, 1 or 2: a character device over a Java stream (stdin may be absent: it then reads as
 * empty).
 */
public final class StreamFd extends Fd {
  private final InputStream in;
  private final OutputStream out;
  private volatile boolean written;

  public StreamFd(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public int filetype() {
    return FileType.CHARACTER_DEVICE;
  }

  @Override
  public int read(byte[] dst, int off, int len) {
    if (out != null) {
      throw new WasiException(Errno.BADF);
    }
    if (in == null || len == 0) {
      return 0;
    }
    try {
      return Math.max(0, in.read(dst, off, len));
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  @Override
  public int write(byte[] src) {
    if (out == null) {
      throw new WasiException(Errno.BADF);
    }
    try {
      written = true;
      out.write(src);
      return src.length;
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  /** Whether this is fd 0, which reads (even where no stdin was given), rather than 1 or 2. */
  public boolean input() {
    return out == null;
  }

  /** Whether the guest wrote to this stream, so that there may be something to flush. */
  public boolean written() {
    return written;
  }

  /**
   * Flushes what the guest wrote; called at the end of init, on a thread that may be abandoned (see
   * {@link dev.wisex.wasix.state.WasiState#close}).
   */
  public void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        // The guest's output is best effort once init is over.
      }
    }
  }
}
