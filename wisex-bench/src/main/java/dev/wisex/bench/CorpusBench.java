package dev.wisex.bench;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;

/**
 * Library-mode time on a real module: the default backend (found like the CLI finds it) in a warm
 * JVM, the same {@link Preinitializer} run again and again.
 */
final class CorpusBench {
  private CorpusBench() {}

  static Measurement run(
      byte[] input, String initFunc, boolean allowWasi, int warmups, int iterations) {
    Preinitializer wisex =
        new Preinitializer(WisexOptions.builder().initFunc(initFunc).allowWasi(allowWasi).build());
    return Measurement.of(warmups, iterations, () -> wisex.preinitialize(input));
  }
}
