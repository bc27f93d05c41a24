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
  void breaksTiesByMemoryThenHigherAddress() {
    RangeList a = ranges(0, 1, 6, 7, 12, 13); // gaps 5, 5
    RangeList b = ranges(0, 1, 6, 7); // gap 5
    List<RangeList> capped = DataSegmentPlanner.cap(List.of(a, b), 4); // 5 segments -> 4: merge one gap
    assertEquals(2, capped.get(0).size(), "one gap of memory 0 merged");
    assertEquals(1, capped.get(0).end(0), "the lower segment stays alone");
    assertEquals(6, capped.get(0).start(1));
    assertEquals(13, capped.get(0).end(1), "the highest gap was merged");
    assertEquals(2, capped.get(1).size());
  }

  @Test
  void capsAtWizersLimit() {
    RangeList r = new RangeList();
    for (int i = 0; i < 12_000; i++) {
      r.add(i * 10L, i * 10L + 1, -1);
    }
    assertEquals(DataSegmentPlanner.MAX_SEGMENTS, DataSegmentPlanner.cap(List.of(r), DataSegmentPlanner.MAX_SEGMENTS).get(0).size());
  }
}
