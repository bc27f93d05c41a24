package dev.wisex.runtime.chicory;

import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.Wat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test modules assembled once per run: assembling WAT is the slowest step of most tests. */
final class Fixtures {
  private static final Map<String, byte[]> ASSEMBLED = new ConcurrentHashMap<>();

  private Fixtures() {}

  /**
   * The binary of {@code src/test/resources/wat/<name>.wat}; a fresh copy, so callers may not
   * corrupt it.
   */
  static byte[] wasm(String name) {
    return ASSEMBLED
        .computeIfAbsent(name, n -> Wat.resource(Fixtures.class, "/wat/" + n + ".wat"))
        .clone();
  }

  static WasmInstance instantiate(String name, ExecutionMode mode) {
    return instantiate(name, HostImports.none(), mode);
  }

  static WasmInstance instantiate(String name, HostImports imports, ExecutionMode mode) {
    return new ChicoryRuntime().instantiate(wasm(name), imports, new InstanceConfig(mode));
  }
}
