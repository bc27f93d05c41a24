package dev.wisex.rewriter;

import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import java.util.Locale;

/**
 * Module shapes on which the backend that compiles every function before init (Chicory 1.7.5) takes
 * time superlinear in their size inside its own compiler, while the one that prepares code on
 * demand (GraalWasm) stays linear; {@link EngineChoice} sends them there. Measured on the 2-core
 * machine (README "Hostile modules"): a {@code br_table} of 100,000 targets 8.8 s on Chicory and
 * 3.2 s on GraalWasm, of 1,000,000 more than 120 s and 3.1 s; 100,000 types 33 s and 9 s.
 */
final class CompileCostHazard {
  /** From this many targets in one {@code br_table} on. */
  static final int BR_TABLE_TARGETS = 1 << 15;

  /** From this many function types on. */
  static final int TYPES = 20_000;

  private CompileCostHazard() {}

  /** The hazard {@code module} has, as a phrase for the choice's reason; {@code null} if none. */
  static String of(WasmModule module, CodeFeatures code) {
    if (code.largestBrTable() >= BR_TABLE_TARGETS) {
      return String.format(
          Locale.ROOT,
          "a br_table of %,d targets (from %,d on)",
          code.largestBrTable(),
          BR_TABLE_TARGETS);
    }
    if (module.types().size() >= TYPES) {
      return String.format(
          Locale.ROOT, "%,d function types (from %,d on)", module.types().size(), TYPES);
    }
    return null;
  }
}
