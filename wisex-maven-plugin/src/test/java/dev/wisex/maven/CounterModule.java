package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.Set;

/**
 * The module the plugin's tests pre-initialize ({@code wat/counter.wat}), and the differential
 * check on an output: the original plus a call of {@code init} must read the same state as the
 * output instantiated without calling anything.
 */
final class CounterModule {
  static final byte[] BYTES = Wat.resource(CounterModule.class, "/wat/counter.wat");

  private CounterModule() {}

  /**
   * @param initFunc the export the output was pre-initialized with
   */
  static void assertPreinitialized(byte[] output, String initFunc) {
    WasmRuntime chicory = RuntimeRegistry.discover().select("chicory", Set.of());
    try (WasmInstance original = chicory.instantiate(BYTES, HostImports.none(), config());
        WasmInstance initialized = chicory.instantiate(BYTES, HostImports.none(), config());
        WasmInstance snapshot = chicory.instantiate(output, HostImports.none(), config())) {
      initialized.call(initFunc);
      // Init changed something, so equality below cannot come from an untouched module.
      assertNotEquals(original.call("count")[0], initialized.call("count")[0]);
      for (String export : new String[] {"count"}) {
        assertEquals(initialized.call(export)[0], snapshot.call(export)[0], export);
      }
      for (long address : new long[] {64, 128}) {
        assertEquals(
            initialized.call("load", address)[0],
            snapshot.call("load", address)[0],
            "memory at " + address);
      }
    }
  }

  private static InstanceConfig config() {
    return InstanceConfig.defaults();
  }
}
