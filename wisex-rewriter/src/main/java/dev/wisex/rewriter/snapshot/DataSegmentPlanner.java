package dev.wisex.rewriter.snapshot;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Caps the number of data segments. Engines reject modules with too many segments (100,000 is a common
 * limit), so like Wizer 11 wisex keeps at most {@link #MAX_SEGMENTS} by merging across the smallest zero gaps
 * first. Wizer breaks ties with an unstable sort; wisex breaks them by lower memory index, then higher address
 * (a segment at a higher address has a longer offset encoding, so merging it away saves more), so the output
 * never depends on sort internals.
 */
final class DataSegmentPlanner {
  /** Wizer's cap on data segments. */
  static final int MAX_SEGMENTS = 10_000;

  /**
   * A new segment costs at least this many bytes (flags, offset expression, length); a zero gap no longer
   * than this is cheaper to include than to split at (Wizer's {@code MIN_ACTIVE_SEGMENT_OVERHEAD}).
   */
  static final long MIN_SEGMENT_OVERHEAD = 4;

  private DataSegmentPlanner() {}

  /** Returns the ranges of each memory after merging enough gaps to keep at most {@code cap} segments. */
  static List<RangeList> cap(List<RangeList> memories, int cap) {
    long total = memories.stream().mapToLong(RangeList::size).sum();
    if (total <= cap) {
      return memories;
    }
    int toMerge = (int) (total - cap);
    // Each gap is packed into a long array row: size, memory, index-of-later-range.
    int gaps = (int) (total - memories.stream().filter(m -> m.size() > 0).count());
    long[][] rows = new long[gaps][];
    int n = 0;
    for (int m = 0; m < memories.size(); m++) {
      RangeList r = memories.get(m);
      for (int i = 1; i < r.size(); i++) {
        rows[n++] = new long[] {r.start(i) - r.end(i - 1), m, i};
      }
    }
    java.util.Arrays.sort(
        rows,
        (a, b) -> {
          int c = Long.compare(a[0], b[0]);
          if (c != 0) {
            return c;
          }
          c = Long.compare(a[1], b[1]);
          return c != 0 ? c : Long.compare(b[2], a[2]);
        });
    List<BitSet> merged = new ArrayList<>();
    memories.forEach(m -> merged.add(new BitSet()));
    for (int k = 0; k < Math.min(toMerge, gaps); k++) {
      merged.get((int) rows[k][1]).set((int) rows[k][2]);
    }
    List<RangeList> out = new ArrayList<>();
    for (int m = 0; m < memories.size(); m++) {
      out.add(memories.get(m).mergeAt(merged.get(m)));
    }
    return out;
  }
}
