package dev.wisex.runtime.graal;

import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.WasmRuntimeContract;
import java.util.List;

/**
 * The SPI conformance kit, run on GraalWasm. COMPILER mode needs the optimizing Truffle runtime,
 * which the test JVM may lack ({@link ExecutionModeTest} covers it).
 */
class GraalConformanceTest implements WasmRuntimeContract {
  @Override
  public WasmRuntime runtime() {
    return Fixtures.RUNTIME;
  }

  @Override
  public List<ExecutionMode> modes() {
    return List.of(ExecutionMode.AUTO, ExecutionMode.INTERPRETER);
  }
}
