package dev.wisex.rewriter.snapshot;

import java.util.Arrays;

/**
 * Ascending, disjoint byte ranges {@code [start, end)} of one memory, stored as two primitive
 * arrays: a sparse gigabyte memory can have millions of runs before merging, and objects per run
 * would dominate.
 */
final class RangeList {
  private long[] starts = new long[16];
  private long[] ends = new long[16];
  private int size;

  int size() {
    return size;
  }

  long start(int i) {
    return starts[i];
  }

  long end(int i) {
    return ends[i];
  }

  /**
   * Appends a range after the last one, merging when the zero gap between them is at most {@code
   * maxGap}.
   */
  void add(long start, long end, long maxGap) {
    if (size > 0 && start - ends[size - 1] <= maxGap) {
      ends[size - 1] = end;
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    size++;
  }
}
