package dev.wisex.rewriter.snapshot;

import dev.wisex.runtime.spi.GuestMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scans every memory and plans its data segments in heap bounded by the segment cap, not by the
 * number of non-zero runs (issue 18: a 1 GiB memory with every 8th byte set has 134 million runs,
 * and keeping them all took more than 5.8 GiB).
 *
 * <p>Few runs, the usual case: one scan keeps them and {@link DataSegmentPlanner} merges exactly.
 * Many runs: the first scan keeps only the largest gaps, enough to know the gap size {@code T}
 * below which the merge order of {@link DataSegmentPlanner} merges every gap (gaps never change
 * size as their neighbours merge); a second scan merges those while reading and, if what is left is
 * few, {@link DataSegmentPlanner} breaks the ties at {@code T} exactly as it would have on all
 * runs. Only when millions of gaps share the size {@code T} does a third scan keep the
 * lowest-addressed of them: the exact order prefers merging at higher addresses among equal gaps
 * too.
 */
final class MemoryPlanner {
  /** At most this many ranges are held at once (about 100 bytes each while they are merged). */
  static final int EXACT_LIMIT = 1 << 20;

  /**
   * @param ranges the planned segments of each memory
   * @param nonZeroBytes the exact count of non-zero bytes of each memory
   */
  record Plan(List<RangeList> ranges, long[] nonZeroBytes) {}

  private MemoryPlanner() {}

  static Plan plan(List<GuestMemory> memories, int cap) {
    return plan(memories, cap, EXACT_LIMIT);
  }

  static Plan plan(List<GuestMemory> memories, int cap, int exactLimit) {
    if (exactLimit < cap) {
      throw new IllegalArgumentException("the exact limit must be at least the cap");
    }
    long[] nonZero = new long[memories.size()];
    TopGaps top = new TopGaps(cap);
    Segments all = new Segments(gap -> true, top, exactLimit);
    for (int m = 0; m < memories.size(); m++) {
      nonZero[m] = scan(memories.get(m), all);
    }
    if (all.lists != null) {
      return new Plan(DataSegmentPlanner.cap(all.lists, cap), nonZero);
    }
    int keep = cap - all.nonEmptyMemories;
    long threshold = keep <= 0 ? Long.MAX_VALUE : top.largest(keep);
    Segments below = new Segments(gap -> gap >= threshold, null, exactLimit);
    memories.forEach(memory -> scan(memory, below));
    if (below.lists != null) {
      return new Plan(DataSegmentPlanner.cap(below.lists, cap), nonZero);
    }
    long keepAtThreshold = keep <= 0 ? 0 : keep - top.countAbove(threshold);
    long[] kept = {0};
    Segments lowest =
        new Segments(
            gap -> gap > threshold || (gap == threshold && kept[0]++ < keepAtThreshold),
            null,
            Integer.MAX_VALUE);
    memories.forEach(memory -> scan(memory, lowest));
    return new Plan(lowest.lists, nonZero);
  }

  private static long scan(GuestMemory memory, Segments segments) {
    segments.startMemory();
    long nonZero = NonZeroScanner.scan(memory, segments);
    segments.endMemory();
    return nonZero;
  }

  /** Whether a zero gap of this many bytes (longer than a segment header) ends a segment. */
  private interface Separator {
    boolean separates(long gap);
  }

  /**
   * Builds each memory's segments from its runs: gaps no longer than a segment header are always
   * merged (as {@link NonZeroScanner#scan(GuestMemory, long)} does), longer ones when the separator
   * says so. Stops keeping ranges past the limit, but still counts and reports gaps.
   */
  private static final class Segments implements NonZeroScanner.RunSink {
    private final Separator separator;
    private final TopGaps gaps;
    private final int limit;
    List<RangeList> lists = new ArrayList<>();
    int nonEmptyMemories;
    private long held;
    private RangeList current;
    private long segmentStart;
    private long lastEnd = -1;

    Segments(Separator separator, TopGaps gaps, int limit) {
      this.separator = separator;
      this.gaps = gaps;
      this.limit = limit;
    }

    void startMemory() {
      current = new RangeList();
      if (lists != null) {
        lists.add(current);
      }
      lastEnd = -1;
    }

    void endMemory() {
      if (lastEnd >= 0) {
        hold(segmentStart, lastEnd);
      }
    }

    @Override
    public void run(long start, long end) {
      if (lastEnd < 0) {
        nonEmptyMemories++;
        segmentStart = start;
      } else {
        long gap = start - lastEnd;
        if (gap > DataSegmentPlanner.MIN_SEGMENT_OVERHEAD) {
          if (gaps != null) {
            gaps.add(gap);
          }
          if (separator.separates(gap)) {
            hold(segmentStart, lastEnd);
            segmentStart = start;
          }
        }
      }
      lastEnd = end;
    }

    private void hold(long start, long end) {
      if (lists == null) {
        return;
      }
      if (++held > limit) {
        lists = null; // too many to merge exactly: another scan plans with less
        current = null;
        return;
      }
      current.add(start, end, -1);
    }
  }

  /** The {@code capacity} largest gap sizes seen, as a min-heap of primitives. */
  private static final class TopGaps {
    private final long[] heap;
    private int size;

    TopGaps(int capacity) {
      heap = new long[Math.max(1, capacity)];
    }

    void add(long gap) {
      if (size < heap.length) {
        int i = size++;
        heap[i] = gap;
        while (i > 0 && heap[(i - 1) >>> 1] > heap[i]) {
          swap(i, (i - 1) >>> 1);
          i = (i - 1) >>> 1;
        }
      } else if (gap > heap[0]) {
        heap[0] = gap;
        int i = 0;
        while (true) {
          int l = 2 * i + 1;
          if (l >= size) {
            return;
          }
          int c = l + 1 < size && heap[l + 1] < heap[l] ? l + 1 : l;
          if (heap[c] >= heap[i]) {
            return;
          }
          swap(i, c);
          i = c;
        }
      }
    }

    /** The {@code k}-th largest gap seen ({@code k} from 1), or 0 if fewer were seen. */
    long largest(int k) {
      long[] sorted = Arrays.copyOf(heap, size);
      Arrays.sort(sorted);
      return k <= size ? sorted[size - k] : 0;
    }

    int countAbove(long gap) {
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (heap[i] > gap) {
          n++;
        }
      }
      return n;
    }

    private void swap(int a, int b) {
      long t = heap[a];
      heap[a] = heap[b];
      heap[b] = t;
    }
  }
}
