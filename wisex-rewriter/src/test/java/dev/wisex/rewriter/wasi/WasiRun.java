package dev.wisex.rewriter.wasi;

import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.rewriter.DifferentialAccess;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.init.WasiHosts;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import dev.wisex.wasix.WasixHost;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Test support for WASI modules: differential check with a fresh WASI host on each side, then the
 * output's memory for asserting what init actually saw.
 */
final class WasiRun {
  private WasiRun() {}

  static byte[] wat(String name) {
    return Wat.resource(WasiRun.class, "/wat/wasi/" + name + ".wat");
  }

  /** WASI on, stdio captured, on Chicory. */
  static WisexOptions.Builder options() {
    return WisexOptions.builder().allowWasi(true).inheritStdio(false).runtime("chicory");
  }

  /**
   * Checks original+init against the snapshot on every available backend, then returns the output's
   * first 64 KiB of memory.
   */
  static Memory check(byte[] module, WisexOptions options, String... calls) {
    DifferentialAccess.checkOnEveryBackend(module, options, List.of(calls));
    WisexResult result = new Preinitializer(options).preinitialize(module);
    return memory(result.module(), options);
  }

  static Memory memory(byte[] output, WisexOptions options) {
    return memory(output, options, "chicory");
  }

  /** The output's first 64 KiB of memory, instantiated on the named backend. */
  static Memory memory(byte[] output, WisexOptions options, String runtime) {
    WasmRuntime backend = RuntimeRegistry.discover().select(runtime, Set.of());
    byte[] bytes = new byte[65536];
    try (WasixHost host = WasiHosts.create(options.host());
        WasmInstance instance =
            backend.instantiate(
                output,
                ImportLinker.link(ModuleParser.parse(output), host),
                InstanceConfig.defaults())) {
      instance.memory("memory").read(0, bytes, 0, bytes.length);
    }
    return new Memory(bytes);
  }

  /** A little-endian view of a memory dump. */
  record Memory(byte[] bytes) {
    int i32(int address) {
      return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(address);
    }

    long i64(int address) {
      return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(address);
    }

    int errno(int index) {
      return i32(1000 + 4 * index);
    }

    String string(int address, int length) {
      return new String(bytes, address, length, StandardCharsets.UTF_8);
    }
  }
}
