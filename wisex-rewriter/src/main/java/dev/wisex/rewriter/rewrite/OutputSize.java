package dev.wisex.rewriter.rewrite;

import dev.wisex.api.RejectedModuleException;
import dev.wisex.parser.write.ModuleWriter;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import java.util.Locale;

/**
 * The output module is written into one Java array, so it must stay below 2 GiB. Checked against
 * the exact size before anything is allocated, so a huge dense snapshot (a memory64 init that fills
 * gigabytes) ends with a message, not an {@code OutOfMemoryError} or a negative array size.
 */
final class OutputSize {
  private OutputSize() {}

  /**
   * @throws RejectedModuleException if an output of {@code bytes} cannot be written
   */
  static void check(long bytes, Snapshot snapshot) {
    if (bytes <= ModuleWriter.MAX_BYTES) {
      return;
    }
    long payload = snapshot.memories().stream().mapToLong(MemorySnapshot::segmentBytes).sum();
    long segments = snapshot.memories().stream().mapToLong(m -> m.runs().size()).sum();
    throw new RejectedModuleException(
        String.format(
            Locale.ROOT,
            "the snapshot is too large for one module: the output would be %,d bytes (%.2f GiB),"
                + " %,d of them memory contents in %,d data segments, but wisex writes a module"
                + " of at most %,d bytes (one Java array); init must leave less memory non-zero",
            bytes,
            bytes / (double) (1L << 30),
            payload,
            segments,
            ModuleWriter.MAX_BYTES));
  }
}
