package dev.wisex.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The record stays immutable although BitSet is not. */
class CodeFeaturesTest {

  /** Features with every flag off, these sets and counts. */
  private static CodeFeatures features(
      BitSet used,
      BitSet dropped,
      BitSet floatRounding,
      BitSet memoryBulk,
      int maxMemoryIndex,
      int instructionCount) {
    return new CodeFeatures(
        false,
        false,
        false,
        false,
        false,
        false,
        used,
        dropped,
        floatRounding,
        memoryBulk,
        false,
        maxMemoryIndex,
        instructionCount,
        0);
  }

  private static CodeFeatures features(BitSet used, int maxMemoryIndex, int instructionCount) {
    return features(
        used, new BitSet(), new BitSet(), new BitSet(), maxMemoryIndex, instructionCount);
  }

  @Test
  void bitSetsAreCopiedInAndOut() {
    BitSet used = new BitSet();
    used.set(1);
    BitSet dropped = new BitSet();
    BitSet floatRounding = new BitSet();
    BitSet memoryBulk = new BitSet();
    CodeFeatures f = features(used, dropped, floatRounding, memoryBulk, 0, 3);

    used.set(5);
    dropped.set(7);
    floatRounding.set(7);
    memoryBulk.set(7);
    f.dataSegmentsUsed().set(9);
    f.droppedDataSegments().set(9);
    f.floatRoundingBodies().set(9);
    f.memoryBulkBodies().set(9);

    BitSet expected = new BitSet();
    expected.set(1);
    assertEquals(expected, f.dataSegmentsUsed());
    assertEquals(new BitSet(), f.droppedDataSegments());
    assertEquals(new BitSet(), f.floatRoundingBodies());
    assertEquals(new BitSet(), f.memoryBulkBodies());
  }

  @Test
  void equalityIsByContent() {
    BitSet a = new BitSet();
    a.set(2);
    assertEquals(features(a, -1, 0), features((BitSet) a.clone(), -1, 0));
  }

  @Test
  void rejectsImpossibleValues() {
    assertThrows(NullPointerException.class, () -> features(null, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> features(new BitSet(), -2, 0));
    assertThrows(IllegalArgumentException.class, () -> features(new BitSet(), -1, -1));
  }
}
