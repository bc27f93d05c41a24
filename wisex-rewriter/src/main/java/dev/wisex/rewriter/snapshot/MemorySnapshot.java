package dev.wisex.rewriter.snapshot;

import java.util.List;

/**
 * One memory's state after init.
 *
 * @param index memory index in the module
 * @param pages size in pages
 * @param nonZeroBytes how many bytes are non-zero
 * @param runs the data to restore, ascending and disjoint
 */
public record MemorySnapshot(int index, long pages, long nonZeroBytes, List<DataRun> runs) {
  public MemorySnapshot {
    runs = List.copyOf(runs);
  }

  /** Payload bytes across all runs. */
  public long segmentBytes() {
    return runs.stream().mapToLong(r -> r.bytes().length).sum();
  }
}
