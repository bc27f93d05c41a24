package dev.wisex.rewriter.snapshot;

import dev.wisex.runtime.spi.GlobalValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instance state after init, everything the rewrite needs and nothing engine-specific. Memory
 * contents are read through the instance's memories, so the snapshot is usable only while that
 * instance is open.
 *
 * @param globals value of each mutable global, by global index
 * @param memories every memory, imported ones first, in index order
 * @param droppedSegments passive data segments that init dropped
 */
public record Snapshot(
    Map<Integer, GlobalValue> globals,
    List<MemorySnapshot> memories,
    Set<Integer> droppedSegments) {
  public Snapshot {
    globals = Map.copyOf(globals);
    memories = List.copyOf(memories);
    droppedSegments = Set.copyOf(droppedSegments);
  }
}
