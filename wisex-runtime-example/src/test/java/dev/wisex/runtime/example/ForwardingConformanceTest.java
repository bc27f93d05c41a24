package dev.wisex.runtime.example;

import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.WasmRuntimeContract;

/**
 * The SPI conformance kit, which every backend runs: here on the example plugin, which forwards to
 * Chicory (its test dependency).
 */
class ForwardingConformanceTest implements WasmRuntimeContract {
  @Override
  public WasmRuntime runtime() {
    return new ForwardingRuntime();
  }
}
