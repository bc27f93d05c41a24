package dev.wisex.rewriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system's one-minute load average, read from {@code /proc/loadavg} (cheaper to start than
 * {@code java.lang.management}, which a run would otherwise load for this one number).
 */
final class LoadAverage {
  private static final Path PROC = Path.of("/proc/loadavg");

  private LoadAverage() {}

  /** The load average, or -1 where the system does not report it. */
  static double oneMinute() {
    try {
      String text = Files.readString(PROC);
      return Double.parseDouble(text.substring(0, text.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
