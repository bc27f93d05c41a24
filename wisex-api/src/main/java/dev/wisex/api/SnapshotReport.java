package dev.wisex.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param runtimeVersion version of the engine behind {@code runtime}
 * @param globalsChanged snapshotted globals whose initializer in the output differs from the
 *     input's
 * @param importCalls how often init called each import, by {@code module.name}, for the imports it
 *     called at least once, in name order
 * @param timings wall-clock time of each pipeline stage that ran, in pipeline order: {@code parse},
 *     {@code validate}, {@code instrument}, {@code init}, {@code snapshot}, {@code rewrite}, and
 *     {@code verify} with {@code --verify}
 */
public record SnapshotReport(
    String runtime,
    long inputBytes,
    long outputBytes,
    int globalsSnapshotted,
    List<MemoryReport> memories,
    int dataSegmentsBefore,
    int dataSegmentsAfter,
    String runtimeVersion,
    int globalsChanged,
    Map<String, Long> importCalls,
    Map<String, Duration> timings) {

  public SnapshotReport {
    memories = List.copyOf(memories);
    importCalls = Collections.unmodifiableMap(new TreeMap<>(importCalls));
    timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
  }
}
