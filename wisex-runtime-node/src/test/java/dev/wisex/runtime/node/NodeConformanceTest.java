package dev.wisex.runtime.node;

import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.WasmRuntimeContract;
import java.util.List;

/**
 * The SPI conformance kit, run on V8 in Node.js. V8 picks its own tiers, so every execution mode
 * runs the same way; the kit runs in one.
 */
class NodeConformanceTest implements WasmRuntimeContract {
  private static final WasmRuntime RUNTIME = new NodeRuntime();

  @Override
  public WasmRuntime runtime() {
    return RUNTIME;
  }

  @Override
  public List<ExecutionMode> modes() {
    return List.of(ExecutionMode.AUTO);
  }
}
