package dev.wisex.rewriter.snapshot;

import dev.wisex.parser.Interruption;
import dev.wisex.runtime.spi.GuestMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the non-zero byte runs of a memory. Reads the memory in large bulk chunks and scans eight
 * bytes at a time: zero words are skipped with one comparison, and the end of a non-zero run is
 * found with the "has a zero byte" bit trick, so dense and sparse memories both scan at memory
 * bandwidth.
 */
final class NonZeroScanner {
  static final int CHUNK = 1 << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  private long nonZeroBytes;

  /** Scan result: the merged ranges and the exact count of non-zero bytes. */
  record Result(RangeList ranges, long nonZeroBytes) {}

  /**
   * Receives the non-zero runs of a memory in ascending order; a run that crosses a chunk boundary
   * arrives as two adjacent runs.
   */
  interface RunSink {
    void run(long start, long end);
  }

  private NonZeroScanner() {}

  /** Scans the whole memory; runs separated by at most {@code maxGap} zero bytes are merged. */
  static Result scan(GuestMemory memory, long maxGap) {
    RangeList ranges = new RangeList();
    long nonZero = scan(memory, (start, end) -> ranges.add(start, end, maxGap));
    return new Result(ranges, nonZero);
  }

  /**
   * Scans the whole memory, handing each non-zero run to {@code sink}.
   *
   * @return the number of non-zero bytes
   */
  static long scan(GuestMemory memory, RunSink sink) {
    NonZeroScanner scanner = new NonZeroScanner();
    long size = memory.byteSize();
    byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(8, size))];
    for (long base = 0; base < size; base += chunk.length) {
      Interruption.check();
      int length = (int) Math.min(chunk.length, size - base);
      memory.read(base, chunk, 0, length);
      scanner.scanChunk(chunk, length, base, sink);
    }
    return scanner.nonZeroBytes;
  }

  private void scanChunk(byte[] chunk, int length, long base, RunSink sink) {
    int i = 0;
    while (i < length) {
      int runStart = nextNonZero(chunk, i, length);
      if (runStart >= length) {
        return;
      }
      int runEnd = nextZero(chunk, runStart, length);
      nonZeroBytes += runEnd - runStart;
      sink.run(base + runStart, base + runEnd);
      i = runEnd;
    }
  }

  private static int nextNonZero(byte[] b, int from, int length) {
    int i = from;
    while (i < length && (i & 7) != 0) {
      if (b[i] != 0) {
        return i;
      }
      i++;
    }
    while (i + 8 <= length) {
      long w = (long) LONGS.get(b, i);
      if (w != 0) {
        return i + (Long.numberOfTrailingZeros(w) >>> 3);
      }
      i += 8;
    }
    while (i < length && b[i] == 0) {
      i++;
    }
    return i;
  }

  private static int nextZero(byte[] b, int from, int length) {
    int i = from;
    while (i < length && (i & 7) != 0) {
      if (b[i] == 0) {
        return i;
      }
      i++;
    }
    while (i + 8 <= length) {
      long w = (long) LONGS.get(b, i);
      long zeros = (w - ONES) & ~w & HIGHS; // lowest set bit marks the first zero byte exactly
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
      i += 8;
    }
    while (i < length && b[i] != 0) {
      i++;
    }
    return i;
  }
}
