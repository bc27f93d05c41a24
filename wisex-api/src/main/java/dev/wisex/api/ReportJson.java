package dev.wisex.api;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link SnapshotReport} as the JSON document of the CLI's {@code --report} and the Maven
 * plugin's {@code <report>}, so build tooling reads one format whichever ran wisex. Field names are
 * a stable interface (documented in the README; a golden file pins them): fields may be added in
 * later versions, never renamed or removed without raising {@code version}.
 */
public final class ReportJson {
  /** Raised when a field is renamed or removed. */
  public static final int VERSION = 1;

  private ReportJson() {}

  /**
   * The report as a JSON document.
   *
   * @param input the input's name as the user gave it
   * @param output the output's name as the user gave it
   */
  public static String render(SnapshotReport report, String input, String output) {
    StringBuilder j = new StringBuilder(1024);
    j.append("{\n");
    j.append("  \"version\": ").append(VERSION).append(",\n");
    j.append("  \"input\": {\"name\": ")
        .append(string(input))
        .append(", \"bytes\": ")
        .append(report.inputBytes())
        .append("},\n");
    j.append("  \"output\": {\"name\": ")
        .append(string(output))
        .append(", \"bytes\": ")
        .append(report.outputBytes())
        .append("},\n");
    j.append("  \"runtime\": {\"name\": ")
        .append(string(report.runtime()))
        .append(", \"version\": ")
        .append(string(report.runtimeVersion()))
        .append("},\n");
    j.append("  \"memories\": [");
    Iterator<MemoryReport> memories = report.memories().iterator();
    while (memories.hasNext()) {
      MemoryReport m = memories.next();
      j.append("\n    {\"index\": ")
          .append(m.index())
          .append(", \"pages\": ")
          .append(m.pages())
          .append(", \"nonZeroBytes\": ")
          .append(m.nonZeroBytes())
          .append(", \"segments\": ")
          .append(m.segments())
          .append(", \"segmentBytes\": ")
          .append(m.segmentBytes())
          .append("}")
          .append(memories.hasNext() ? "," : "\n  ");
    }
    j.append("],\n");
    j.append("  \"dataSegments\": {\"before\": ")
        .append(report.dataSegmentsBefore())
        .append(", \"after\": ")
        .append(report.dataSegmentsAfter())
        .append("},\n");
    j.append("  \"globals\": {\"snapshotted\": ")
        .append(report.globalsSnapshotted())
        .append(", \"changed\": ")
        .append(report.globalsChanged())
        .append("},\n");
    j.append("  \"importCalls\": {");
    appendEntries(j, report.importCalls(), String::valueOf);
    j.append("},\n");
    j.append("  \"timingsMs\": {");
    appendEntries(j, report.timings(), ReportJson::millis);
    j.append("}\n");
    j.append("}\n");
    return j.toString();
  }

  private static <V> void appendEntries(
      StringBuilder j, Map<String, V> map, java.util.function.Function<V, String> value) {
    Iterator<Map.Entry<String, V>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, V> e = entries.next();
      j.append("\n    ")
          .append(string(e.getKey()))
          .append(": ")
          .append(value.apply(e.getValue()))
          .append(entries.hasNext() ? "," : "\n  ");
    }
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e6);
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
