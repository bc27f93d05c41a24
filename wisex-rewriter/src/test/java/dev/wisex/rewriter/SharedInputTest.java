package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Each reader of a shared input sees every byte from the start; the source is read only as needed.
 */
class SharedInputTest {
  /** Counts how far the source has been read, delivering at most 3 bytes per read. */
  private static final class Trickle extends InputStream {
    private final ByteArrayInputStream bytes;
    int consumed;

    Trickle(byte[] data) {
      bytes = new ByteArrayInputStream(data);
    }

    @Override
    public int read() {
      int b = bytes.read();
      consumed += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      int n = bytes.read(into, offset, Math.min(length, 3));
      consumed += Math.max(n, 0);
      return n;
    }
  }

  @Test
  void everyReaderSeesAllBytesWhateverTheOrder() throws IOException {
    byte[] data = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Trickle source = new Trickle(data);
    SharedInput shared = new SharedInput(source);
    InputStream first = shared.reader();
    InputStream second = shared.reader();

    assertEquals('0', first.read());
    assertEquals(3, source.consumed, "read only as far as a reader needed");
    byte[] rest = first.readAllBytes();
    byte[] all = second.readAllBytes();

    assertArrayEquals("123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII), rest);
    assertArrayEquals(data, all);
    assertEquals(-1, first.read());
    assertArrayEquals(data, shared.reader().readAllBytes(), "a late reader starts at the start");
    assertEquals(data.length, source.consumed, "each byte read from the source once");
  }
}
