package dev.wisex.parser.analysis;

import java.util.BitSet;
import java.util.Objects;

/**
 * What a module's code uses, summed over every function body. The rewriter needs this to know which
 * passive data segments it may drop after initialization, whether the module needs a SIMD- or
 * thread-capable backend, and whether tables can change after the snapshot is taken.
 *
 * <p>The record is immutable: the {@link BitSet}s are copied on the way in and on the way out.
 *
 * @param simd any {@code 0xFD} instruction, or {@code v128} in a local declaration, block type or
 *     typed {@code select}
 * @param atomics any {@code 0xFE} (threads) instruction
 * @param bulkMemory any of memory.init, data.drop, memory.copy, memory.fill, table.init, elem.drop,
 *     table.copy
 * @param referenceTypes any of ref.null, ref.is_null, ref.func, table.get, table.set, table.grow,
 *     table.size, table.fill, or a {@code select} with a type annotation
 * @param exceptions any exception-handling instruction, legacy ({@code try}/{@code catch}/{@code
 *     delegate}/ {@code rethrow}/{@code catch_all}) or current ({@code try_table}/{@code
 *     throw_ref}), or {@code throw}
 * @param tailCalls any of return_call, return_call_indirect, return_call_ref
 * @param dataSegmentsUsed data segment indices named by memory.init or data.drop
 * @param droppedDataSegments data segment indices named by data.drop
 * @param floatRoundingBodies the defined functions (by body index) that use a float {@code min},
 *     {@code max}, {@code ceil}, {@code floor}, {@code trunc} or {@code nearest}, scalar or SIMD
 *     (relaxed and pseudo forms too): the instructions engines get wrong on NaNs, so a pass that
 *     rewrites them decodes only these bodies
 * @param memoryBulkBodies the defined functions (by body index) that use {@code memory.init},
 *     {@code memory.copy} or {@code memory.fill}, which a pass that rewrites them decodes alone
 * @param tableMutation any of table.set, table.grow, table.fill, table.copy, table.init, elem.drop
 * @param maxMemoryIndex the highest memory index any instruction names (a plain load counts as
 *     naming memory 0), or -1 if no instruction touches memory
 * @param instructionCount every decoded instruction, each {@code end} (including a body's final
 *     one) and {@code else} included
 * @param largestBrTable the most labels of any {@code br_table} (its default not counted), 0
 *     without one
 */
public record CodeFeatures(
    boolean simd,
    boolean atomics,
    boolean bulkMemory,
    boolean referenceTypes,
    boolean exceptions,
    boolean tailCalls,
    BitSet dataSegmentsUsed,
    BitSet droppedDataSegments,
    BitSet floatRoundingBodies,
    BitSet memoryBulkBodies,
    boolean tableMutation,
    int maxMemoryIndex,
    int instructionCount,
    int largestBrTable) {

  public CodeFeatures {
    dataSegmentsUsed =
        (BitSet) Objects.requireNonNull(dataSegmentsUsed, "dataSegmentsUsed").clone();
    droppedDataSegments =
        (BitSet) Objects.requireNonNull(droppedDataSegments, "droppedDataSegments").clone();
    floatRoundingBodies =
        (BitSet) Objects.requireNonNull(floatRoundingBodies, "floatRoundingBodies").clone();
    memoryBulkBodies =
        (BitSet) Objects.requireNonNull(memoryBulkBodies, "memoryBulkBodies").clone();
    if (maxMemoryIndex < -1) {
      throw new IllegalArgumentException("maxMemoryIndex " + maxMemoryIndex + " is below -1");
    }
    if (instructionCount < 0) {
      throw new IllegalArgumentException("instructionCount " + instructionCount + " is negative");
    }
    if (largestBrTable < 0) {
      throw new IllegalArgumentException("largestBrTable " + largestBrTable + " is negative");
    }
  }

  /** A copy: callers may modify it without affecting this record. */
  @Override
  public BitSet dataSegmentsUsed() {
    return (BitSet) dataSegmentsUsed.clone();
  }

  /** A copy: callers may modify it without affecting this record. */
  @Override
  public BitSet droppedDataSegments() {
    return (BitSet) droppedDataSegments.clone();
  }

  /** A copy: callers may modify it without affecting this record. */
  @Override
  public BitSet floatRoundingBodies() {
    return (BitSet) floatRoundingBodies.clone();
  }

  /** A copy: callers may modify it without affecting this record. */
  @Override
  public BitSet memoryBulkBodies() {
    return (BitSet) memoryBulkBodies.clone();
  }
}
