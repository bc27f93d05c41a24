package dev.wisex.rewriter.instrument.archfixture;

import dev.wisex.rewriter.snapshot.Snapshot;

/** Breaks [pipeline-stages-depend-forward]: instrument runs before snapshot and may not use it. */
public final class InstrumentUsesSnapshot {
  private InstrumentUsesSnapshot() {}

  public static int globals(Snapshot snapshot) {
    return snapshot.globals().size();
  }
}
