package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.HostileModules;
import dev.wisex.testkit.JvmBackendsOnly;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shapes Chicory's compiler takes superlinear time on go to the backend that prepares code on
 * demand, which computes them right and writes the same output.
 */
@ExtendWith(JvmBackendsOnly.class)
class CompileCostHazardTest {
  private static final RuntimeRegistry RUNTIMES = RuntimeRegistry.discover();

  private static String hazard(byte[] module) {
    WasmModule parsed = ModuleParser.parse(module);
    return CompileCostHazard.of(parsed, CodeScanner.scan(parsed));
  }

  @Test
  void brTableFromTheThresholdOn() {
    assertNull(hazard(HostileModules.brTable(CompileCostHazard.BR_TABLE_TARGETS - 1)));
    assertEquals(
        "a br_table of 32,768 targets (from 32,768 on)",
        hazard(HostileModules.brTable(CompileCostHazard.BR_TABLE_TARGETS)));
  }

  @Test
  void typesFromTheThresholdOn() {
    assertNull(hazard(HostileModules.types(CompileCostHazard.TYPES - 1)));
    assertEquals(
        "20,000 function types (from 20,000 on)",
        hazard(HostileModules.types(CompileCostHazard.TYPES)));
  }

  @Test
  void theDefaultChoiceRunsSuchAModuleOnTheOnDemandBackend() {
    Assumptions.assumeTrue(graal() != null, "GraalWasm is not available here");
    byte[] module = HostileModules.brTable(CompileCostHazard.BR_TABLE_TARGETS);

    WisexResult chosen = new Preinitializer(WisexOptions.defaults()).preinitialize(module);
    WisexResult chicory =
        new Preinitializer(WisexOptions.builder().runtime("chicory").build()).preinitialize(module);

    assertEquals("graal", chosen.report().runtime());
    assertArrayEquals(chicory.module(), chosen.module(), "the same output either way");
  }

  /**
   * GraalWasm, which now runs these, dispatches a 40,000-target {@code br_table} as the spec says:
   * every index, and past the end, against the value computed here.
   */
  @Test
  void theOnDemandBackendDispatchesEveryTarget() {
    WasmRuntime graal = graal();
    Assumptions.assumeTrue(graal != null, "GraalWasm is not available here");
    int n = 40_000;
    try (WasmInstance instance =
        graal.instantiate(
            HostileModules.brTableDispatch(n), HostImports.none(), InstanceConfig.defaults())) {
      for (int i = 0; i <= n + 1; i++) {
        long expected = i < n ? 10 + i % 4 : 13;
        assertEquals(expected, instance.call("dispatch", i)[0], "index " + i);
      }
      assertEquals(13, instance.call("dispatch", -1)[0], "index 2^32-1");
    }
  }

  private static WasmRuntime graal() {
    return RUNTIMES.available().stream()
        .filter(r -> r.name().equals("graal"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aNamedRuntimeIsKept() {
    WasmModule parsed =
        ModuleParser.parse(HostileModules.brTable(CompileCostHazard.BR_TABLE_TARGETS));
    EngineChoice choice =
        EngineChoice.choose(
            RUNTIMES,
            WisexOptions.builder().runtime("chicory").build().runtime(),
            Set.of(),
            CodeSize.of(parsed),
            null,
            null,
            false,
            CompileCostHazard.of(parsed, CodeScanner.scan(parsed)),
            null);
    assertEquals("chicory", choice.runtime().name());
    assertTrue(choice.reason().contains("--runtime"), choice.reason());
  }
}
