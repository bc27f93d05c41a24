package dev.wisex.rewriter.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Caps the number of data segments. Engines reject modules with too many segments (100,000 is a
 * common limit), so like Wizer 11 wisex keeps at most {@link #MAX_SEGMENTS} by merging across the
 * smallest zero gaps first. Among equal gaps (Wizer leaves the choice to an unstable sort) wisex
 * merges where it saves the most encoding bytes — the later segment's header, less any growth of
 * the length prefix — then by lower memory index and higher address, so the output is both smaller
 * and independent of sort internals.
 */
final class DataSegmentPlanner {
  /** Wizer's cap on data segments. */
  static final int MAX_SEGMENTS = 10_000;

  /**
   * A new segment costs at least this many bytes (flags, offset expression, length); a zero gap no
   * longer than this is cheaper to include than to split at (Wizer's {@code
   * MIN_ACTIVE_SEGMENT_OVERHEAD}).
   */
  static final long MIN_SEGMENT_OVERHEAD = 4;

  private DataSegmentPlanner() {}

  /**
   * Returns the ranges of each memory after merging enough gaps to keep at most {@code cap}
   * segments.
   */
  static List<RangeList> cap(List<RangeList> memories, int cap) {
    long total = memories.stream().mapToLong(RangeList::size).sum();
    if (total <= cap) {
      return memories;
    }
    return new Merger(memories).merge(Math.toIntExact(total - cap));
  }

  /**
   * Greedy merging over all memories' segments as one doubly linked list. A gap never changes when
   * its neighbours merge, but the bytes a merge saves do (the merged segment's length prefix
   * grows), so savings are recomputed for the two gaps next to each merge and stale queue entries
   * are skipped by version.
   */
  private static final class Merger {
    private final int[] memoryOf;
    private final long[] start;
    private final long[] end;
    private final int[] prev;
    private final int[] next;
    private final int[] version;
    private final int memories;
    // queue rows: gap, -saved, memory, start of the right segment, right segment id, version
    private final java.util.PriorityQueue<long[]> queue =
        new java.util.PriorityQueue<>(
            (a, b) -> {
              for (int k = 0; k < 3; k++) {
                int c = Long.compare(a[k], b[k]);
                if (c != 0) {
                  return c;
                }
              }
              return Long.compare(b[3], a[3]);
            });

    Merger(List<RangeList> ranges) {
      memories = ranges.size();
      int n = ranges.stream().mapToInt(RangeList::size).sum();
      memoryOf = new int[n];
      start = new long[n];
      end = new long[n];
      prev = new int[n];
      next = new int[n];
      version = new int[n];
      int id = 0;
      for (int m = 0; m < ranges.size(); m++) {
        RangeList r = ranges.get(m);
        for (int i = 0; i < r.size(); i++, id++) {
          memoryOf[id] = m;
          start[id] = r.start(i);
          end[id] = r.end(i);
          prev[id] = i == 0 ? -1 : id - 1;
          next[id] = i == r.size() - 1 ? -1 : id + 1;
        }
      }
      for (int right = 0; right < n; right++) {
        if (prev[right] >= 0) {
          offer(right);
        }
      }
    }

    private void offer(int right) {
      int left = prev[right];
      long saved =
          savedBytes(
              memoryOf[right],
              end[left] - start[left],
              start[right],
              end[right] - start[right],
              end[right] - start[left]);
      queue.add(
          new long[] {
            start[right] - end[left], -saved, memoryOf[right], start[right], right, version[right]
          });
    }

    List<RangeList> merge(int count) {
      for (int merged = 0; merged < count && !queue.isEmpty(); ) {
        long[] row = queue.poll();
        int right = (int) row[4];
        if (row[5] != version[right] || prev[right] < 0) {
          continue; // stale: the segment was merged away or its left neighbour grew
        }
        int left = prev[right];
        end[left] = end[right];
        next[left] = next[right];
        if (next[right] >= 0) {
          prev[next[right]] = left;
          version[next[right]]++;
          offer(next[right]);
        }
        prev[right] = -1;
        absorbed.set(right);
        version[right]++;
        if (prev[left] >= 0) {
          version[left]++;
          offer(left);
        }
        merged++;
      }
      List<RangeList> out = new ArrayList<>();
      for (int m = 0; m < memories; m++) {
        out.add(new RangeList());
      }
      for (int id = 0; id < start.length; id++) {
        if (!absorbed.get(id)) {
          out.get(memoryOf[id]).add(start[id], end[id], -1);
        }
      }
      return out;
    }

    private final java.util.BitSet absorbed = new java.util.BitSet();
  }

  /**
   * Encoding bytes saved by merging a segment into its left neighbour: the right segment's header
   * (flags, memory index, offset expression, length prefix) and the left one's length prefix, less
   * the merged segment's length prefix. The gap's zero bytes are accounted for by the primary sort
   * key.
   */
  static long savedBytes(
      int memory, long leftLength, long rightStart, long rightLength, long mergedLength) {
    long header =
        (memory == 0 ? 1 : 1 + unsignedLebLength(memory)) + 2 + signedLebLength(rightStart);
    return header
        + unsignedLebLength(rightLength)
        + unsignedLebLength(leftLength)
        - unsignedLebLength(mergedLength);
  }

  static int unsignedLebLength(long value) {
    int n = 1;
    for (long v = value >>> 7; v != 0; v >>>= 7) {
      n++;
    }
    return n;
  }

  static int signedLebLength(long value) {
    int n = 1;
    long v = value;
    while (!((v >> 6) == 0 || (v >> 6) == -1)) {
      v >>= 7;
      n++;
    }
    return n;
  }
}
