package dev.wisex.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The record stays immutable although BitSet is not. */
class CodeFeaturesTest {

  @Test
  void bitSetsAreCopiedInAndOut() {
    BitSet used = new BitSet();
    used.set(1);
    BitSet dropped = new BitSet();
    CodeFeatures f =
        new CodeFeatures(
            false,
            false,
            true,
            false,
            false,
            false,
            used,
            dropped,
            new BitSet(),
            new BitSet(),
            false,
            0,
            3,
            0);

    used.set(5);
    dropped.set(7);
    f.dataSegmentsUsed().set(9);
    f.droppedDataSegments().set(9);

    BitSet expected = new BitSet();
    expected.set(1);
    assertEquals(expected, f.dataSegmentsUsed());
    assertEquals(new BitSet(), f.droppedDataSegments());
  }

  @Test
  void equalityIsByContent() {
    BitSet a = new BitSet();
    a.set(2);
    assertEquals(
        new CodeFeatures(
            false,
            false,
            false,
            false,
            false,
            false,
            a,
            new BitSet(),
            new BitSet(),
            new BitSet(),
            false,
            -1,
            0,
            0),
        new CodeFeatures(
            false,
            false,
            false,
            false,
            false,
            false,
            (BitSet) a.clone(),
            new BitSet(),
            new BitSet(),
            new BitSet(),
            false,
            -1,
            0,
            0));
  }

  @Test
  void rejectsImpossibleValues() {
    assertThrows(
        NullPointerException.class,
        () ->
            new CodeFeatures(
                false,
                false,
                false,
                false,
                false,
                false,
                null,
                new BitSet(),
                new BitSet(),
                new BitSet(),
                false,
                -1,
                0,
                0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CodeFeatures(
                false,
                false,
                false,
                false,
                false,
                false,
                new BitSet(),
                new BitSet(),
                new BitSet(),
                new BitSet(),
                false,
                -2,
                0,
                0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CodeFeatures(
                false,
                false,
                false,
                false,
                false,
                false,
                new BitSet(),
                new BitSet(),
                new BitSet(),
                new BitSet(),
                false,
                -1,
                -1,
                0));
  }
}
