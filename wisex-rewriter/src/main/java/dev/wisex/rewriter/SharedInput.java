package dev.wisex.rewriter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * One input stream read by several readers, each from the start at its own pace: what the source
 * delivers is kept, and read from it only when a reader gets past what is kept. The two sides of an
 * {@link EngineRace} read init's stdin through it, so both see the same bytes.
 */
final class SharedInput {
  private static final int CHUNK = 8192;

  private final InputStream source;
  private byte[] kept = new byte[0];
  private int size;
  private boolean ended;

  SharedInput(InputStream source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /** A new reader, positioned at the start. */
  InputStream reader() {
    return new Reader();
  }

  /**
   * Copies up to {@code length} bytes from {@code position}, reading the source as needed; -1 at
   * its end. Readers wait for each other here: whoever reads the source reads for both.
   */
  private synchronized int read(long position, byte[] into, int offset, int length)
      throws IOException {
    while (position >= size && !ended) {
      if (size == kept.length) {
        kept = Arrays.copyOf(kept, Math.max(CHUNK, kept.length * 2));
      }
      int n = source.read(kept, size, kept.length - size);
      if (n < 0) {
        ended = true;
      } else {
        size += n;
      }
    }
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(length, size - position);
    System.arraycopy(kept, (int) position, into, offset, n);
    return n;
  }

  private final class Reader extends InputStream {
    private long position;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, into.length);
      if (length == 0) {
        return 0;
      }
      int n = SharedInput.this.read(position, into, offset, length);
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }
}
