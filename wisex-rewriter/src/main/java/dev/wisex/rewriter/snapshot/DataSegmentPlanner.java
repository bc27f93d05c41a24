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
   * its neighbours merge, so every gap smaller than the threshold ({@link #merge}) is merged
   * outright; the bytes a merge saves may change (the merged segment's length prefix grows), so
   * among the gaps of the threshold size the savings are recomputed for the two gaps next to each
   * merge; where they changed, the gap is queued again and its old entry skipped by version, and
   * where they did not (a length prefix grows a byte only at powers of 128) its entry stands.
   */
  private static final class Merger {
    private final int[] memoryOf;
    private final long[] start;
    private final long[] end;
    private final int[] prev;
    private final int[] next;
    private final int[] version;
    private final long[] queuedSaved;
    private final int memories;

    /** The size of the gaps the queue chooses among: every smaller one is merged outright. */
    private long threshold;

    private final GapHeap queue;
    private final java.util.BitSet absorbed;

    Merger(List<RangeList> ranges) {
      memories = ranges.size();
      int n = ranges.stream().mapToInt(RangeList::size).sum();
      memoryOf = new int[n];
      start = new long[n];
      end = new long[n];
      prev = new int[n];
      next = new int[n];
      version = new int[n];
      queuedSaved = new long[n];
      queue = new GapHeap(16); // grows: it holds only the gaps of the threshold size
      absorbed = new java.util.BitSet(n);
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
    }

    private void offer(int right) {
      long saved = saved(right);
      queuedSaved[right] = saved;
      queue.add(gap(right), -saved, memoryOf[right], start[right], right, version[right]);
    }

    /**
     * Queues the gap left of {@code right} again if a merge next to it changed its savings; only a
     * gap of the size being merged is queued at all.
     */
    private void requeue(int right) {
      if (gap(right) == threshold && saved(right) != queuedSaved[right]) {
        version[right]++;
        offer(right);
      }
    }

    /** Merges segment {@code right} into its left neighbour. */
    private void absorb(int right) {
      int left = prev[right];
      end[left] = end[right];
      next[left] = next[right];
      if (next[right] >= 0) {
        prev[next[right]] = left;
      }
      prev[right] = -1;
      absorbed.set(right);
      version[right]++;
    }

    /** The zero bytes between segment {@code right} and its left neighbour. */
    private long gap(int right) {
      return start[right] - end[prev[right]];
    }

    private long saved(int right) {
      int left = prev[right];
      return savedBytes(
          memoryOf[right],
          end[left] - start[left],
          start[right],
          end[right] - start[right],
          end[right] - start[left]);
    }

    /**
     * Merges {@code count} gaps. Gaps never change, so the greedy rule merges every gap smaller
     * than the {@code count}-th smallest, in any order (the result is the same), before any of that
     * size; only among the gaps of exactly that size do the savings and the other tie-breaks
     * choose, so only those go through the queue.
     */
    List<RangeList> merge(int count) {
      long[] gaps = new long[start.length];
      int pairs = 0;
      for (int right = 0; right < start.length; right++) {
        if (prev[right] >= 0) {
          gaps[pairs++] = gap(right);
        }
      }
      java.util.Arrays.sort(gaps, 0, pairs);
      threshold = gaps[Math.min(count, pairs) - 1];
      int merged = 0;
      for (int right = 0; right < start.length; right++) {
        if (prev[right] >= 0 && gap(right) < threshold) {
          absorb(right);
          merged++;
        }
      }
      for (int right = 0; right < start.length; right++) {
        if (prev[right] >= 0 && gap(right) == threshold) {
          offer(right);
        }
      }
      while (merged < count && !queue.isEmpty()) {
        int right = queue.topId();
        int rowVersion = queue.topVersion();
        queue.pop();
        if (rowVersion != version[right] || prev[right] < 0) {
          continue; // stale: the segment was merged away or its left neighbour grew
        }
        int left = prev[right];
        int after = next[right];
        absorb(right);
        if (after >= 0) {
          requeue(after);
        }
        if (prev[left] >= 0) {
          requeue(left);
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
  }

  /**
   * The merge queue: a binary min-heap over parallel primitive arrays (a million segments make
   * millions of offers; boxed rows and a comparator were most of the planning time). Order: smaller
   * gap, then more bytes saved, then lower memory index, then higher start address.
   */
  private static final class GapHeap {
    private long[] gap;
    private long[] savedAndMemory; // (-saved) << 32 | memory: one comparison for both keys
    private long[] start;
    private int[] id;
    private int[] version;
    private int size;

    GapHeap(int capacity) {
      int c = Math.max(16, capacity);
      gap = new long[c];
      savedAndMemory = new long[c];
      start = new long[c];
      id = new int[c];
      version = new int[c];
    }

    boolean isEmpty() {
      return size == 0;
    }

    int topId() {
      return id[0];
    }

    int topVersion() {
      return version[0];
    }

    void add(long gapBytes, long negSaved, int memory, long startAddress, int right, int ver) {
      if (size == gap.length) {
        int c = gap.length * 2;
        gap = java.util.Arrays.copyOf(gap, c);
        savedAndMemory = java.util.Arrays.copyOf(savedAndMemory, c);
        start = java.util.Arrays.copyOf(start, c);
        id = java.util.Arrays.copyOf(id, c);
        version = java.util.Arrays.copyOf(version, c);
      }
      int i = size++;
      set(i, gapBytes, (negSaved << 32) | (memory & 0xFFFF_FFFFL), startAddress, right, ver);
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!less(i, parent)) {
          break;
        }
        swap(i, parent);
        i = parent;
      }
    }

    void pop() {
      size--;
      if (size == 0) {
        return;
      }
      set(0, gap[size], savedAndMemory[size], start[size], id[size], version[size]);
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          return;
        }
        int r = l + 1;
        int child = r < size && less(r, l) ? r : l;
        if (!less(child, i)) {
          return;
        }
        swap(i, child);
        i = child;
      }
    }

    private boolean less(int a, int b) {
      if (gap[a] != gap[b]) {
        return gap[a] < gap[b];
      }
      if (savedAndMemory[a] != savedAndMemory[b]) {
        return savedAndMemory[a] < savedAndMemory[b];
      }
      return start[a] > start[b];
    }

    private void set(int i, long g, long sm, long st, int right, int ver) {
      gap[i] = g;
      savedAndMemory[i] = sm;
      start[i] = st;
      id[i] = right;
      version[i] = ver;
    }

    private void swap(int a, int b) {
      long g = gap[a];
      long sm = savedAndMemory[a];
      long st = start[a];
      int right = id[a];
      int ver = version[a];
      set(a, gap[b], savedAndMemory[b], start[b], id[b], version[b]);
      set(b, g, sm, st, right, ver);
    }
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
