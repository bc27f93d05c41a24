package dev.wisex.rewriter.snapshot.archfixture;

import dev.wisex.rewriter.instrument.InstrumentedModule;

/**
 * Keeps [pipeline-stages-depend-forward]: snapshot reads what instrument, an earlier stage,
 * produced.
 */
public final class SnapshotUsesInstrument {
  private SnapshotUsesInstrument() {}

  public static byte[] bytes(InstrumentedModule module) {
    return module.bytes();
  }
}
