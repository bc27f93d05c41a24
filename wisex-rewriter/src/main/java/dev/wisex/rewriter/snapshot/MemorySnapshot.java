package dev.wisex.rewriter.snapshot;

import dev.wisex.runtime.spi.GuestMemory;
import java.util.List;
import java.util.Objects;

/**
 * One memory's state after init: where its data is, not the data itself. The bytes are read from
 * {@code memory} when the output is written, so a snapshot is usable only while the instance init
 * ran in is open — holding them here as well would double the heap a dense memory needs.
 *
 * @param index memory index in the module
 * @param pages size in pages
 * @param nonZeroBytes how many bytes are non-zero
 * @param runs the data to restore, ascending and disjoint
 * @param memory the initialized instance's memory, which holds the runs' bytes
 */
public record MemorySnapshot(
    int index, long pages, long nonZeroBytes, List<DataRun> runs, GuestMemory memory) {
  public MemorySnapshot {
    runs = List.copyOf(runs);
    Objects.requireNonNull(memory, "memory");
  }

  /** Payload bytes across all runs. */
  public long segmentBytes() {
    return runs.stream().mapToLong(DataRun::length).sum();
  }
}
