package dev.wisex.cli;

import dev.wisex.api.MemoryReport;
import dev.wisex.api.SnapshotReport;
import java.util.stream.Collectors;

/**
 * Renders a {@link SnapshotReport} as the one-line summary logged at INFO after a successful run.
 */
final class ReportSummary {
  private ReportSummary() {}

  static String format(SnapshotReport report, String input, String output) {
    String memories =
        report.memories().isEmpty()
            ? "no memories"
            : report.memories().stream()
                .map(ReportSummary::memory)
                .collect(Collectors.joining(", "));
    return String.format(
        "%s (%d bytes) -> %s (%d bytes) with %s; %s; data segments %d -> %d; %d global%s snapshotted",
        input,
        report.inputBytes(),
        output,
        report.outputBytes(),
        report.runtime(),
        memories,
        report.dataSegmentsBefore(),
        report.dataSegmentsAfter(),
        report.globalsSnapshotted(),
        report.globalsSnapshotted() == 1 ? "" : "s");
  }

  private static String memory(MemoryReport m) {
    return String.format(
        "memory %d: %d page%s, %d non-zero bytes in %d segment%s (%d bytes)",
        m.index(),
        m.pages(),
        m.pages() == 1 ? "" : "s",
        m.nonZeroBytes(),
        m.segments(),
        m.segments() == 1 ? "" : "s",
        m.segmentBytes());
  }
}
