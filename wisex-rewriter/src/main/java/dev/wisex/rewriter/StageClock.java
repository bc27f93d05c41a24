package dev.wisex.rewriter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Times the pipeline's stages one after another, for the report's {@code timings}. */
final class StageClock {
  private final Map<String, Duration> laps = new LinkedHashMap<>();
  private long last = System.nanoTime();

  StageClock() {}

  /**
   * A clock whose first stage, {@code name}, already took {@code took} (a retry's shared parse).
   */
  StageClock(String name, Duration took) {
    laps.put(name, took);
  }

  /** Ends the stage {@code name} now; the next one starts now. */
  void lap(String name) {
    long now = System.nanoTime();
    laps.merge(name, Duration.ofNanos(now - last), Duration::plus);
    last = now;
  }

  Map<String, Duration> laps() {
    return laps;
  }
}
