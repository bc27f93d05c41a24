package dev.wisex.runtime.graal;

import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.Wat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test modules assembled once per run, and one runtime for all tests: its polyglot engine starts
 * once (about half a second) and caches parsed modules.
 */
final class Fixtures {
  static final GraalRuntime RUNTIME = new GraalRuntime();

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

  static WasmInstance instantiate(String name) {
    return instantiate(name, HostImports.none());
  }

  static WasmInstance instantiate(String name, HostImports imports) {
    return RUNTIME.instantiate(wasm(name), imports, InstanceConfig.defaults());
  }

  static WasmInstance instantiate(String name, ExecutionMode mode) {
    return RUNTIME.instantiate(wasm(name), HostImports.none(), new InstanceConfig(mode));
  }
}
