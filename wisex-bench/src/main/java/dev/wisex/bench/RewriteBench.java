package dev.wisex.bench;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.runtime.spi.RuntimeRegistry;
import java.util.List;

/**
 * Rewrite throughput: a module with about {@code codeBytes} bytes of code through the pipeline on
 * {@link SyntheticRuntime}. The stages that touch the code (parse with the code scan, validate,
 * instrument, rewrite with its re-parse of the output) are what the target times.
 */
final class RewriteBench {
  static final String[] CODE_STAGES = {"parse", "validate", "instrument", "rewrite"};

  private RewriteBench() {}

  record Result(long moduleBytes, Measurement m) {
    double mbPerS() {
      return moduleBytes / (m.stagesMs(CODE_STAGES) / 1e3) / 1e6;
    }
  }

  static Result run(long codeBytes, int warmups, int iterations) {
    byte[] module = WasmBytes.codeModule(codeBytes);
    Preinitializer wisex =
        new Preinitializer(
            WisexOptions.builder().initFunc("init").build(),
            new RuntimeRegistry(
                List.of(new SyntheticRuntime(new SyntheticRuntime.ArrayMemory(1 << 16)))));
    return new Result(
        module.length, Measurement.of(warmups, iterations, () -> wisex.preinitialize(module)));
  }
}
