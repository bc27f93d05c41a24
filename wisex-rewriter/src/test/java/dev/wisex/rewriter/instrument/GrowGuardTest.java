package dev.wisex.rewriter.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitLimits;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard every grow runs through on an engine that answers an allocation failure with -1 changes
 * nothing a grow the engine can serve returns: the old size within the maximum, -1 beyond it (the
 * module's own answer, not a failure of init). Its trap when the engine fails below the maximum is
 * tested under a small heap in {@code HeapPlanJarTest}.
 */
class GrowGuardTest {
  /** The backends that run the tests' modules of several memories. */
  static List<WasmRuntime> backends() {
    return RuntimeRegistry.discover().available().stream()
        .filter(r -> r.capabilities().contains(Capability.MULTI_MEMORY))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void growsAnswerAsWithoutTheGuard(WasmRuntime runtime) {
    WasmModule module =
        ModuleParser.parse(Wat.resource(GrowGuardTest.class, "/wat/limits/grows.wat"));
    LimitedModule guarded =
        LimitInstrumenter.apply(
            module,
            module.functionTypes().length,
            InitLimits.defaults(),
            EngineMemoryLimit.NONE,
            type -> true);
    assertTrue(guarded.memoryCap(), "every grow is guarded");
    try (WasmInstance instance =
        runtime.instantiate(guarded.bytes(), HostImports.none(), InstanceConfig.defaults())) {
      instance.call("wizex.initialize");
      assertEquals(1, instance.call("grown")[0], "memory 0 grew from 1 page (the spec's answer)");
      assertEquals(-1, (int) instance.call("refused")[0], "memory 1's maximum of 3 pages refuses");
      assertEquals(10, instance.call("size")[0]);
      assertEquals(10, instance.call("grow", 0)[0], "a grow by 0 returns the size");
      assertEquals(0, instance.global("__wisex_limit_hit").low(), "no failure recorded");
    }
  }
}
