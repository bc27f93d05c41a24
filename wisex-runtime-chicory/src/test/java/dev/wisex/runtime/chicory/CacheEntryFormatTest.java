package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wisex.runtime.spi.ChecksummedBytes;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CacheEntryFormatTest {
  private static final byte[] PAYLOAD =
      new Random(42)
          .ints(300, 0, 256)
          .collect(
              () -> new java.io.ByteArrayOutputStream(), (out, b) -> out.write(b), (a, b) -> {})
          .toByteArray();

  @Test
  void aWholeEntryGivesBackItsPayload() {
    assertArrayEquals(PAYLOAD, CacheEntryFormat.decode(CacheEntryFormat.encode(PAYLOAD)));
    assertArrayEquals(new byte[0], CacheEntryFormat.decode(CacheEntryFormat.encode(new byte[0])));
  }

  @Test
  void everyTruncationIsRejected() {
    byte[] entry = CacheEntryFormat.encode(PAYLOAD);
    for (int length = 0; length < entry.length; length++) {
      assertNull(CacheEntryFormat.decode(Arrays.copyOf(entry, length)), "length " + length);
    }
  }

  @Test
  void everyFlippedBitIsRejected() {
    byte[] entry = CacheEntryFormat.encode(PAYLOAD);
    for (int bit = 0; bit < entry.length * 8; bit++) {
      byte[] damaged = entry.clone();
      damaged[bit / 8] ^= (byte) (1 << (bit % 8));
      assertNull(CacheEntryFormat.decode(damaged), "bit " + bit);
    }
  }

  @Test
  void anEntryOfAnotherKindOrFormatIsRejected() {
    byte[] entry = CacheEntryFormat.encode(PAYLOAD);
    byte[] otherMagic = CacheEntryFormat.MAGIC.clone();
    otherMagic[otherMagic.length - 1]++;
    assertNull(ChecksummedBytes.decode(otherMagic, entry));
    assertNull(CacheEntryFormat.decode(ChecksummedBytes.encode(otherMagic, PAYLOAD)));
  }

  @Test
  void trailingBytesAreRejected() {
    byte[] entry = CacheEntryFormat.encode(PAYLOAD);
    assertNull(CacheEntryFormat.decode(Arrays.copyOf(entry, entry.length + 1)));
  }
}
