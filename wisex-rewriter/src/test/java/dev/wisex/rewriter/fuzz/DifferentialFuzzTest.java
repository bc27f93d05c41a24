package dev.wisex.rewriter.fuzz;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.DifferentialAccess;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.testkit.WasmValidator;
import dev.wisex.testkit.Wat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/**
 * Random valid modules through the whole pipeline: the output must start in the state worked out in
 * Java from the generated operations ({@link ExpectedState}: memory sizes and bytes, globals), and
 * snapshot-then-check must equal init-then-check on results, globals and memory bytes, with and
 * without init limits; every {@code wisex.fuzz.validateEvery}-th output (default 10) must pass
 * wabt's validator, and every {@code wisex.fuzz.crossEvery}-th module (default 100) must give
 * byte-identical outputs on every available backend ({@code crossCheck}); 1 for both checks every
 * module. A seeded run of 2,000 modules is part of the suite; set {@code -Dwisex.fuzz.count=100000
 * -Dwisex.fuzz.seed=N -Dwisex.fuzz.validateEvery=1 -Dwisex.fuzz.crossEvery=1} for a long run.
 */
class DifferentialFuzzTest {
  private static final Logger LOG = LogManager.getLogger(DifferentialFuzzTest.class);
  private static final int COUNT = Integer.getInteger("wisex.fuzz.count", 2_000);
  private static final long SEED = Long.getLong("wisex.fuzz.seed", 20261124L);
  private static final int VALIDATE_EVERY = Integer.getInteger("wisex.fuzz.validateEvery", 10);
  private static final int CROSS_EVERY = Integer.getInteger("wisex.fuzz.crossEvery", 100);

  @Test
  void snapshotBehavesLikeInitializedOriginal() {
    WisexOptions plain = WisexOptions.builder().executionMode(ExecutionMode.INTERPRETER).build();
    // Every other module runs init metered (fuel and memory guards it never reaches), which must
    // not change the output's behaviour either.
    WisexOptions metered = plain.toBuilder().fuel(1_000_000_000L).maxMemoryBytes(1L << 30).build();
    int validated = 0;
    int crossChecked = 0;
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
        WisexOptions options = i % 2 == 0 ? plain : metered;
        // Chicory runs no 64-bit memory: such a module runs on GraalWasm.
        byte[] output =
            module.memory64
                ? DifferentialAccess.checkOn("graal", wasm, options, module.checks)
                : DifferentialAccess.check(wasm, options, module.checks);
        module.expected.assertOutput(output);
        if (i % VALIDATE_EVERY == 0) {
          WasmValidator.validate(output);
          validated++;
        }
        if (i % CROSS_EVERY == 0 && !module.memory64) { // only GraalWasm runs memory64
          new Preinitializer(options.toBuilder().crossCheck(true).build()).preinitialize(wasm);
          crossChecked++;
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " diverged:\n" + module.wat, e);
      }
    }
    LOG.info(
        "{} modules: {} outputs validated by wabt, {} compared across backends",
        COUNT,
        validated,
        crossChecked);
  }
}
