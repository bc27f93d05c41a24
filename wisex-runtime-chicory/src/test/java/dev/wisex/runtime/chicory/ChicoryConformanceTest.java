package dev.wisex.runtime.chicory;

import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.WasmRuntimeContract;

/** The SPI conformance kit, run on Chicory in every execution mode. */
class ChicoryConformanceTest implements WasmRuntimeContract {
  private static final ChicoryRuntime RUNTIME = new ChicoryRuntime();

  @Override
  public WasmRuntime runtime() {
    return RUNTIME;
  }
}
