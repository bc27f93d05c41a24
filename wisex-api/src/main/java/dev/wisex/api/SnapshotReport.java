package dev.wisex.api;

import java.util.List;

/**
 * A summary of one pre-initialization, so users see what the snapshot contains and what it costs.
 *
 * @param runtime name of the backend that ran init
 * @param inputBytes size of the input module
 * @param outputBytes size of the written module
 * @param globalsSnapshotted mutable globals whose values were captured
 * @param memories one entry per defined memory
 * @param dataSegmentsBefore data segments in the input
 * @param dataSegmentsAfter data segments in the output
 */
public record SnapshotReport(
    String runtime,
    long inputBytes,
    long outputBytes,
    int globalsSnapshotted,
    List<MemoryReport> memories,
    int dataSegmentsBefore,
    int dataSegmentsAfter) {

  public SnapshotReport {
    memories = List.copyOf(memories);
  }
}
