package dev.wisex.rewriter.fuzz;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.DifferentialAccess;
import dev.wisex.testkit.Wat;
import org.junit.jupiter.api.Test;

/**
 * Random valid modules through the whole pipeline: snapshot-then-check must equal init-then-check
 * on results, globals and memory bytes, with and without init limits. A seeded run of 2,000 modules
 * is part of the suite; set {@code -Dwisex.fuzz.count=100000 -Dwisex.fuzz.seed=N} for a long run.
 */
class DifferentialFuzzTest {
  private static final int COUNT = Integer.getInteger("wisex.fuzz.count", 2_000);
  private static final long SEED = Long.getLong("wisex.fuzz.seed", 20261124L);

  @Test
  void snapshotBehavesLikeInitializedOriginal() {
    WisexOptions plain = WisexOptions.builder().executionMode(ExecutionMode.INTERPRETER).build();
    // Every other module runs init metered (fuel and memory guards it never reaches), which must
    // not change the output's behaviour either.
    WisexOptions metered = plain.toBuilder().fuel(1_000_000_000L).maxMemoryBytes(1L << 30).build();
    for (int i = 0; i < COUNT; i++) {
      long seed = SEED + i;
      RandomModule module = new RandomModule(seed);
      byte[] wasm;
      try {
        wasm = Wat.assemble(module.wat);
      } catch (IllegalArgumentException e) {
        throw new AssertionError(
            "generator produced invalid WAT for seed " + seed + ":\n" + module.wat, e);
      }
      try {
        DifferentialAccess.check(wasm, i % 2 == 0 ? plain : metered, module.checks);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " diverged:\n" + module.wat, e);
      }
    }
  }
}
