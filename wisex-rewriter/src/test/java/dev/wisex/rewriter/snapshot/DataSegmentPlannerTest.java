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
