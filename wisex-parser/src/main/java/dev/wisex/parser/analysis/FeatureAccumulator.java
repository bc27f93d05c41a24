package dev.wisex.parser.analysis;

import java.util.BitSet;

/**
 * Mutable tally the decoders write into while scanning, so the hot loop sets plain fields instead
 * of building records; {@link #build()} freezes it once at the end.
 */
final class FeatureAccumulator {
  boolean simd;
  boolean atomics;
  boolean bulkMemory;
  boolean referenceTypes;
  boolean exceptions;
  boolean tailCalls;
  boolean tableMutation;
  final BitSet dataSegmentsUsed = new BitSet();
  final BitSet droppedDataSegments = new BitSet();
  final BitSet floatRoundingBodies = new BitSet();
  final BitSet memoryBulkBodies = new BitSet();

  /** The index of the body being decoded, among the module's defined functions. */
  int body;

  int maxMemoryIndex = -1;
  int instructionCount;
  int largestBrTable;

  void memory(int index) {
    if (index > maxMemoryIndex) {
      maxMemoryIndex = index;
    }
  }

  CodeFeatures build() {
    return new CodeFeatures(
        simd,
        atomics,
        bulkMemory,
        referenceTypes,
        exceptions,
        tailCalls,
        dataSegmentsUsed,
        droppedDataSegments,
        floatRoundingBodies,
        memoryBulkBodies,
        tableMutation,
        maxMemoryIndex,
        instructionCount,
        largestBrTable);
  }
}
