package dev.wisex.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The pre-initialized module and the report on how it was made. Two results are equal when their
 * modules have the same bytes and their reports are equal.
 *
 * @param module the output module's bytes: the array itself, not a copy (an output can be
 *     gigabytes), so a caller that changes it changes this result's module
 * @param report what was snapshotted
 */
public record WisexResult(byte[] module, SnapshotReport report) {
  @Override
  public boolean equals(Object other) {
    return other instanceof WisexResult that
        && Arrays.equals(module, that.module)
        && Objects.equals(report, that.report);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(module) + Objects.hashCode(report);
  }

  @Override
  public String toString() {
    return "WisexResult[module="
        + (module == null ? "null" : module.length + " bytes")
        + ", report="
        + report
        + "]";
  }
}
