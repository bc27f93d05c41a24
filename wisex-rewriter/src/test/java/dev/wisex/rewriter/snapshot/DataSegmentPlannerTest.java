package dev.wisex.rewriter.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The segment cap merges the smallest gaps first, with a stable tie-break. */
class DataSegmentPlannerTest {
  private static RangeList ranges(long... startEndPairs) {
    RangeList r = new RangeList();
    for (int i = 0; i < startEndPairs.length; i += 2) {
      r.add(startEndPairs[i], startEndPairs[i + 1], -1);
    }
    return r;
  }

  /**
   * The planner against the greedy rule applied naively (each step scans every adjacent pair for
   * the smallest gap, the most bytes saved, the lowest memory, the highest address): random
   * segments in one to three memories, with lengths and addresses around the powers of 128 where a
   * merged length prefix grows.
   */
  @Test
  void mergesExactlyAsTheNaiveGreedyRule() {
    java.util.Random random = new java.util.Random(20261203);
    for (int round = 0; round < 300; round++) {
      int memories = 1 + random.nextInt(3);
      List<RangeList> input = new java.util.ArrayList<>();
      int total = 0;
      for (int m = 0; m < memories; m++) {
        RangeList r = new RangeList();
        long at = random.nextInt(3) == 0 ? 16_370 + random.nextInt(20) : random.nextInt(200);
        int n = 1 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
          long length = random.nextInt(4) == 0 ? 120 + random.nextInt(20) : 1 + random.nextInt(12);
          r.add(at, at + length, -1);
          at += length + 5 + random.nextInt(random.nextBoolean() ? 8 : 300);
        }
        input.add(r);
        total += n;
      }
      int cap = 1 + random.nextInt(total);
      assertEquals(
          bounds(naive(input, cap)), bounds(DataSegmentPlanner.cap(input, cap)), "round " + round);
    }
  }

  /** Each memory's segments as [start, end) pairs, for comparing. */
  private static List<List<Long>> bounds(List<RangeList> memories) {
    List<List<Long>> out = new java.util.ArrayList<>();
    for (RangeList r : memories) {
      List<Long> pairs = new java.util.ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        pairs.add(r.start(i));
        pairs.add(r.end(i));
      }
      out.add(pairs);
    }
    return out;
  }

  /** The greedy rule, one merge at a time, with every choice made by scanning all pairs. */
  private static List<RangeList> naive(List<RangeList> input, int cap) {
    List<List<long[]>> segments = new java.util.ArrayList<>();
    int total = 0;
    for (RangeList r : input) {
      List<long[]> list = new java.util.ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        list.add(new long[] {r.start(i), r.end(i)});
      }
      segments.add(list);
      total += r.size();
    }
    for (; total > cap; total--) {
      int bestM = -1;
      int bestI = -1;
      long bestGap = 0;
      long bestSaved = 0;
      for (int m = 0; m < segments.size(); m++) {
        List<long[]> list = segments.get(m);
        for (int i = 1; i < list.size(); i++) {
          long[] left = list.get(i - 1);
          long[] right = list.get(i);
          long gap = right[0] - left[1];
          long saved =
              DataSegmentPlanner.savedBytes(
                  m, left[1] - left[0], right[0], right[1] - right[0], right[1] - left[0]);
          boolean better =
              bestM < 0
                  || gap < bestGap
                  || gap == bestGap && saved > bestSaved
                  || gap == bestGap && saved == bestSaved && m < bestM
                  || gap == bestGap
                      && saved == bestSaved
                      && m == bestM
                      && right[0] > segments.get(bestM).get(bestI)[0];
          if (better) {
            bestM = m;
            bestI = i;
            bestGap = gap;
            bestSaved = saved;
          }
        }
      }
      if (bestM < 0) {
        break; // one segment per memory: nothing left to merge
      }
      List<long[]> list = segments.get(bestM);
      list.get(bestI - 1)[1] = list.get(bestI)[1];
      list.remove(bestI);
    }
    List<RangeList> out = new java.util.ArrayList<>();
    for (List<long[]> list : segments) {
      RangeList r = new RangeList();
      list.forEach(seg -> r.add(seg[0], seg[1], -1));
      out.add(r);
    }
    return out;
  }

  @Test
  void leavesFewSegmentsAlone() {
    RangeList r = ranges(0, 1, 10, 11, 20, 21);
    assertEquals(r, DataSegmentPlanner.cap(List.of(r), 3).get(0));
  }

  @Test
  void mergesSmallestGapsFirstUntilBelowCap() {
    // gaps: 9 (0-1..10), 5 (11..16), 20 (17..37)
    RangeList r = ranges(0, 1, 10, 11, 16, 17, 37, 38);
    RangeList capped = DataSegmentPlanner.cap(List.of(r), 2).get(0); // 4 segments -> 2
    assertEquals(2, capped.size());
    assertEquals(0, capped.start(0));
    assertEquals(17, capped.end(0));
    assertEquals(37, capped.start(1));
  }

  @Test
  void amongEqualGapsMergesWhereTheHeaderIsLargest() {
    RangeList a = ranges(0, 1, 6, 7, 20_000, 20_001, 20_006, 20_007); // gaps 5, 19993, 5
    RangeList capped =
        DataSegmentPlanner.cap(List.of(a), 3).get(0); // 4 segments -> 3: merge one 5-gap
    assertEquals(3, capped.size());
    assertEquals(
        20_000, capped.start(2), "the segment at 20,006 has a 3-byte offset: it is merged away");
    assertEquals(20_007, capped.end(2));
    assertEquals(6, capped.start(1));
  }

  @Test
  void breaksRemainingTiesByMemoryThenHigherAddress() {
    RangeList a = ranges(0, 1, 6, 7, 12, 13); // gaps 5, 5 with equal savings
    RangeList capped = DataSegmentPlanner.cap(List.of(a), 2).get(0);
    assertEquals(2, capped.size());
    assertEquals(1, capped.end(0), "the lower segment stays alone");
    assertEquals(13, capped.end(1), "the higher gap was merged");
  }

  @Test
  void computesLebLengths() {
    assertEquals(1, DataSegmentPlanner.unsignedLebLength(127));
    assertEquals(2, DataSegmentPlanner.unsignedLebLength(128));
    assertEquals(1, DataSegmentPlanner.signedLebLength(63));
    assertEquals(2, DataSegmentPlanner.signedLebLength(64));
    assertEquals(5, DataSegmentPlanner.signedLebLength(0x8000_0000L));
    assertEquals(1, DataSegmentPlanner.signedLebLength(-64));
  }

  @Test
  void capsAtWizersLimit() {
    RangeList r = new RangeList();
    for (int i = 0; i < 12_000; i++) {
      r.add(i * 10L, i * 10L + 1, -1);
    }
    assertEquals(
        DataSegmentPlanner.MAX_SEGMENTS,
        DataSegmentPlanner.cap(List.of(r), DataSegmentPlanner.MAX_SEGMENTS).get(0).size());
  }
}
