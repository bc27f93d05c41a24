package dev.wisex.testkit.conformance;

import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;

/**
 * What every contract of the kit needs from the backend's test class: the runtime to test and the
 * execution modes it runs. One test instance serves all tests of a class, so that contracts can
 * draw their modes from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface RuntimeUnderTest {
  /** The runtime under test; may be the same instance every time. */
  WasmRuntime runtime();

  /**
   * The execution modes the runtime runs modules in; every contract that depends on the mode runs
   * once in each. All of them unless the backend refuses some on this JVM.
   */
  default List<ExecutionMode> modes() {
    return List.of(ExecutionMode.values());
  }

  /** The argument source of the kit's parameterized tests. */
  default Stream<ExecutionMode> executionModes() {
    return modes().stream();
  }

  /** A kit module instantiated with these imports in this mode. */
  default WasmInstance instantiate(String module, HostImports imports, ExecutionMode mode) {
    return runtime()
        .instantiate(ConformanceModules.wasm(module), imports, new InstanceConfig(mode));
  }

  /** A kit module without imports, in this mode. */
  default WasmInstance instantiate(String module, ExecutionMode mode) {
    return instantiate(module, HostImports.none(), mode);
  }

  /** A kit module without imports, in the first of {@link #modes()}. */
  default WasmInstance instantiate(String module) {
    return instantiate(module, modes().get(0));
  }

  /** Skips the calling test unless the runtime claims {@code capability}. */
  default void assumeClaims(Capability capability) {
    Assumptions.assumeTrue(
        runtime().capabilities().contains(capability),
        () -> runtime().name() + " does not claim " + capability);
  }
}
