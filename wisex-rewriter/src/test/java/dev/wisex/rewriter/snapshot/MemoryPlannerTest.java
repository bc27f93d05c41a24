package dev.wisex.rewriter.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.runtime.spi.GuestMemory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Planning in bounded heap gives the plan of merging all runs at once, and with millions of equal
 * gaps still exactly the cap of segments.
 */
class MemoryPlannerTest {
  /** The plan of scanning every run and merging them all in one list, as before. */
  private static List<RangeList> exact(List<GuestMemory> memories, int cap) {
    List<RangeList> all =
        memories.stream()
            .map(m -> NonZeroScanner.scan(m, DataSegmentPlanner.MIN_SEGMENT_OVERHEAD).ranges())
            .toList();
    return DataSegmentPlanner.cap(all, cap);
  }

  private static ArrayMemory randomRuns(long seed, int pages, int runs) {
    Random random = new Random(seed);
    ArrayMemory memory = new ArrayMemory(pages);
    for (int i = 0; i < runs; i++) {
      int at = random.nextInt(memory.bytes.length - 64);
      // Gap sizes repeat often (multiples of 8), so the merge order's tie-breaks matter.
      at -= at % 8;
      int length = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
      for (int j = 0; j < length; j++) {
        memory.bytes[at + j] = (byte) (1 + random.nextInt(255));
      }
    }
    return memory;
  }

  private static void assertSame(List<RangeList> expected, List<RangeList> actual) {
    assertEquals(expected.size(), actual.size());
    for (int m = 0; m < expected.size(); m++) {
      RangeList e = expected.get(m);
      RangeList a = actual.get(m);
      assertEquals(e.size(), a.size(), "segments of memory " + m);
      for (int i = 0; i < e.size(); i++) {
        assertEquals(e.start(i), a.start(i), "start of segment " + i + " of memory " + m);
        assertEquals(e.end(i), a.end(i), "end of segment " + i + " of memory " + m);
      }
    }
  }

  @Test
  void plansAsMergingAllRunsAtOnceWhateverTheLimit() {
    for (long seed = 1; seed <= 20; seed++) {
      List<GuestMemory> memories = List.of(randomRuns(seed, 2, 3_000), randomRuns(-seed, 1, 900));
      List<RangeList> expected = exact(memories, 40);
      // Everything held; only the threshold's ties held; too many ties for that: the third scan.
      for (int limit : new int[] {1 << 20, 400, 40}) {
        MemoryPlanner.Plan plan = MemoryPlanner.plan(memories, 40, limit);
        if (limit >= 400) {
          assertSame(expected, plan.ranges());
        }
        assertEquals(40, plan.ranges().stream().mapToInt(RangeList::size).sum(), "seed " + seed);
        for (int m = 0; m < memories.size(); m++) {
          long nonZero = 0;
          for (byte b : ((ArrayMemory) memories.get(m)).bytes) {
            nonZero += b != 0 ? 1 : 0;
          }
          assertEquals(nonZero, plan.nonZeroBytes()[m]);
          assertCovers((ArrayMemory) memories.get(m), plan.ranges().get(m));
        }
      }
    }
  }

  @Test
  void keepsTheLowestOfMillionsOfEqualGaps() {
    ArrayMemory memory = new ArrayMemory(16); // 1 MiB, every 8th byte set: 131,072 runs, gaps of 7
    for (int i = 0; i < memory.bytes.length; i += 8) {
      memory.bytes[i] = 1;
    }
    MemoryPlanner.Plan plan = MemoryPlanner.plan(List.of(memory), 100, 1_000);
    RangeList ranges = plan.ranges().get(0);
    assertEquals(100, ranges.size());
    for (int i = 0; i < 99; i++) {
      assertEquals(8L * i, ranges.start(i));
      assertEquals(8L * i + 1, ranges.end(i));
    }
    assertEquals(8L * 99, ranges.start(99));
    assertEquals(memory.bytes.length - 7, ranges.end(99));
    assertEquals(memory.bytes.length / 8, plan.nonZeroBytes()[0]);
  }

  @Test
  void breaksTiesAtTheThresholdAsMergingAllAtOnce() {
    // Gaps of 16 everywhere: between 16 long runs (each 20 pieces 5 bytes apart) low in memory, and
    // between single bytes above. Merging two long runs saves a length byte more, so the exact
    // order merges low gaps first where "keep the lowest" would keep them.
    ArrayMemory memory = new ArrayMemory(1);
    int at = 64;
    for (int run = 0; run < 16; run++) {
      for (int piece = 0; piece < 20; piece++, at += 10) {
        for (int j = 0; j < 5; j++) {
          memory.bytes[at + j] = 7;
        }
      }
      at += 16 - 5; // the last piece's 5 zero bytes are part of the gap
    }
    for (at = 4096; at < 8000; at += 17) {
      memory.bytes[at] = 9;
    }
    List<GuestMemory> memories = List.of(memory);
    // 550 runs after the scan's own merging, 246 once the gaps below 16 are merged: held at 300.
    assertSame(exact(memories, 100), MemoryPlanner.plan(memories, 100, 300).ranges());
  }

  @Test
  void mergesEachMemoryIntoOneSegmentWhenTheCapAllowsNoMore() {
    List<GuestMemory> memories = List.of(randomRuns(7, 1, 500), randomRuns(8, 1, 500));
    MemoryPlanner.Plan plan = MemoryPlanner.plan(memories, 2, 10);
    assertSame(exact(memories, 2), plan.ranges());
  }

  private static void assertCovers(ArrayMemory memory, RangeList ranges) {
    int next = 0;
    for (int i = 0; i < ranges.size(); i++) {
      for (long j = next; j < ranges.start(i); j++) {
        assertEquals(0, memory.bytes[(int) j], "byte " + j + " is outside every segment");
      }
      next = (int) ranges.end(i);
    }
    for (int j = next; j < memory.bytes.length; j++) {
      assertEquals(0, memory.bytes[j], "byte " + j + " is outside every segment");
    }
  }
}
