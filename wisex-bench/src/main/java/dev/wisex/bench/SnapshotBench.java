package dev.wisex.bench;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.runtime.spi.RuntimeRegistry;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Snapshot throughput: the whole pipeline over a synthetic memory of {@code bytes} bytes with
 * {@code runs} short non-zero runs at random places, on {@link SyntheticRuntime} so that init costs
 * nothing. The snapshot stage (bulk reads, scan, planning under the 10,000-segment cap) is what the
 * target times; the rewrite stage copies the planned segments from the memory into the output.
 */
final class SnapshotBench {
  private SnapshotBench() {}

  record Result(long memoryBytes, int runs, Measurement m) {
    double snapshotGbPerS() {
      return memoryBytes / (m.stageMs().get("snapshot") / 1e3) / 1e9;
    }
  }

  static Result run(long bytes, int runs, int warmups, int iterations) {
    SyntheticRuntime.ArrayMemory memory = new SyntheticRuntime.ArrayMemory(bytes);
    SplittableRandom random = new SplittableRandom(20261124);
    for (int i = 0; i < runs; i++) {
      int length = 1 + random.nextInt(32);
      int at = random.nextInt(memory.bytes.length - length);
      for (int k = 0; k < length; k++) {
        memory.bytes[at + k] = (byte) (1 + random.nextInt(255));
      }
    }
    byte[] module = WasmBytes.memoryModule(bytes >>> 16);
    Preinitializer wisex =
        new Preinitializer(
            WisexOptions.builder().initFunc("init").build(),
            new RuntimeRegistry(List.of(new SyntheticRuntime(memory))));
    return new Result(
        bytes, runs, Measurement.of(warmups, iterations, () -> wisex.preinitialize(module)));
  }
}
