package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.EngineJars;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.ConformanceModules;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraalRuntimeTest {
  private final GraalRuntime runtime = new GraalRuntime();

  @Test
  void describesItself() {
    assertEquals("graal", runtime.name());
    assertEquals(50, runtime.priority());
    assertEquals(Availability.yes(), runtime.availability());
  }

  @Test
  void reportsTheGraalVersionOnThePath() {
    assertEquals("25.0.2", runtime.version());
  }

  /**
   * The wasm language's jar states its version only in its manifest; an application that pins
   * polyglot and Truffle to 25.0.2 but brings wasm-language 24.2.2 failed mid-run. Read here from
   * the Maven jar on this test's path.
   */
  @Test
  void readsTheWasmLanguagesVersionFromItsManifest() {
    EngineJars.Jar language =
        EngineJars.manifestSection(
            "org.graalvm.wasm.WasmLanguage",
            getClass().getClassLoader(),
            "org.graalvm.wasm:wasm-language",
            "wasm-language");
    assertTrue(language.present());
    assertEquals(java.util.Optional.of(GraalVersion.BUILT_AGAINST), language.version());
  }

  @Test
  void claimsExactlyTheProposalsGraalWasmExecutes() {
    assertEquals(
        EnumSet.of(
            Capability.SIMD,
            Capability.MULTI_MEMORY,
            Capability.MEMORY64,
            Capability.IMPORTED_MEMORY),
        runtime.capabilities());
  }

  @Test
  void theRegistryPicksItForSimd() {
    WasmRuntime chosen = RuntimeRegistry.discover().select(null, Set.of(Capability.SIMD));
    assertInstanceOf(GraalRuntime.class, chosen);
  }

  @Test
  void aModuleGraalWasmCannotDecodeFailsInit() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                runtime.instantiate(
                    "not wasm".getBytes(StandardCharsets.US_ASCII),
                    HostImports.none(),
                    InstanceConfig.defaults()));
    assertTrue(e.getMessage().startsWith("GraalWasm cannot load the module: "), e.getMessage());
  }

  @Test
  void aDataSegmentOutOfRangeFailsInstantiation() {
    byte[] module = ConformanceModules.wasm("memory");
    // (data (i32.const 16) "hello") moved to 65534: the segment no longer fits.
    byte[] moved = module.clone();
    for (int i = 0; i + 2 < moved.length; i++) {
      if (moved[i] == 0x41 && moved[i + 1] == 16 && moved[i + 2] == 0x0B) {
        moved = withOffset(moved, i);
        break;
      }
    }
    byte[] bad = moved;
    assertThrows(
        InitFailedException.class,
        () -> runtime.instantiate(bad, HostImports.none(), InstanceConfig.defaults()));
  }

  // Rewrites `i32.const 16` into `i32.const 65534`, a three-byte LEB, and fixes the two enclosing
  // sizes.
  private static byte[] withOffset(byte[] module, int at) {
    byte[] leb = {(byte) 0xFE, (byte) 0xFF, 0x03};
    byte[] out = new byte[module.length + 2];
    System.arraycopy(module, 0, out, 0, at + 1);
    System.arraycopy(leb, 0, out, at + 1, 3);
    System.arraycopy(module, at + 2, out, at + 4, module.length - at - 2);
    // The data section is the last one: find its header by scanning back for id 11 with a matching
    // size.
    for (int i = 8; i < at; i++) {
      if (module[i] == 11 && i + 1 + 1 + (module[i + 1] & 0xFF) == module.length) {
        out[i + 1] = (byte) (module[i + 1] + 2);
        return out;
      }
    }
    throw new IllegalStateException("data section not found");
  }
}
