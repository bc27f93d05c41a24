package dev.wisex.rewriter.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time scanner against a byte-at-a-time reference on random and edge-case memories.
 */
class NonZeroScannerTest {
  private static List<long[]> ranges(RangeList r) {
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(new long[] {r.start(i), r.end(i)});
    }
    return out;
  }

  /** Byte-by-byte reference: maximal non-zero runs, merged across gaps of at most maxGap zeros. */
  private static List<long[]> reference(byte[] bytes, long maxGap) {
    RangeList r = new RangeList();
    int i = 0;
    while (i < bytes.length) {
      if (bytes[i] == 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < bytes.length && bytes[i] != 0) {
        i++;
      }
      r.add(start, i, maxGap);
    }
    return ranges(r);
  }

  private static void assertSameRanges(List<long[]> expected, List<long[]> actual) {
    assertEquals(expected.size(), actual.size(), "range count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i)[0], actual.get(i)[0], "start of range " + i);
      assertEquals(expected.get(i)[1], actual.get(i)[1], "end of range " + i);
    }
  }

  @Test
  void matchesByteReferenceOnRandomMemories() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 50; round++) {
      ArrayMemory memory = new ArrayMemory(1 + random.nextInt(3));
      int writes = random.nextInt(400);
      for (int w = 0; w < writes; w++) {
        int at = random.nextInt(memory.bytes.length);
        int len = Math.min(memory.bytes.length - at, 1 + random.nextInt(40));
        for (int k = 0; k < len; k++) {
          memory.bytes[at + k] = (byte) (random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(255));
        }
      }
      NonZeroScanner.Result result = NonZeroScanner.scan(memory, 4);
      assertSameRanges(reference(memory.bytes, 4), ranges(result.ranges()));
      long nonZero = 0;
      for (byte b : memory.bytes) {
        nonZero += b != 0 ? 1 : 0;
      }
      assertEquals(nonZero, result.nonZeroBytes());
    }
  }

  @Test
  void findsFirstAndLastByteAndMergesAcrossChunks() {
    ArrayMemory memory = new ArrayMemory(32); // 2 MiB: two scanner chunks
    memory.bytes[0] = 1;
    memory.bytes[memory.bytes.length - 1] = (byte) 0x80;
    memory.bytes[NonZeroScanner.CHUNK - 1] = 7;
    memory.bytes[NonZeroScanner.CHUNK] = 8;
    List<long[]> r = ranges(NonZeroScanner.scan(memory, 4).ranges());
    assertEquals(3, r.size());
    assertEquals(NonZeroScanner.CHUNK - 1, r.get(1)[0]);
    assertEquals(NonZeroScanner.CHUNK + 1, r.get(1)[1]);
    assertEquals(memory.bytes.length, r.get(2)[1]);
  }

  @Test
  void readsInBulkNotPerByteOrPage() {
    ArrayMemory memory = new ArrayMemory(64); // 4 MiB
    NonZeroScanner.scan(memory, 4);
    assertTrue(memory.reads <= 4, "reads: " + memory.reads);
  }

  @Test
  void mergesGapsOfAtMostFourZeros() {
    ArrayMemory memory = new ArrayMemory(1);
    memory.bytes[0] = 1;
    memory.bytes[5] = 1; // gap 4: merged
    memory.bytes[11] = 1; // gap 5: split
    List<long[]> r = ranges(NonZeroScanner.scan(memory, 4).ranges());
    assertEquals(2, r.size());
    assertEquals(6, r.get(0)[1]);
    assertEquals(11, r.get(1)[0]);
  }
}
