package dev.wisex.rewriter;

import dev.wisex.api.LimitExceededException;
import dev.wisex.rewriter.heap.HeapBudget;
import dev.wisex.rewriter.instrument.Sizes;

/**
 * Turns the JVM running out of heap inside the documented limits into a one-line failure that says
 * which limit to raise (issue 18: four 1.83 GiB memories ended in "internal error:
 * OutOfMemoryError"). Safe to build after the error: the pipeline's arrays are garbage once the
 * stack has unwound to the driver.
 */
final class OutOfHeap {
  private OutOfHeap() {}

  /** Whether {@code failure} is, or was caused by, the JVM running out of memory. */
  static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static LimitExceededException during(String stage, Throwable failure) {
    return new LimitExceededException(
        "the JVM ran out of memory during the "
            + stage
            + " stage (heap limit "
            + Sizes.describe(Runtime.getRuntime().maxMemory())
            + "): "
            + HeapBudget.MORE_HEAP_OR_LESS_MEMORY,
        failure);
  }
}
