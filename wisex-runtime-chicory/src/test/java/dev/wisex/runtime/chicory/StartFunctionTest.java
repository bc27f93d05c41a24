package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.WasmInstance;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StartFunctionTest {
  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void theStartFunctionRunsOnceAndAnExportedStartNotAtAll(ExecutionMode mode) {
    WasmInstance instance = Fixtures.instantiate("start", mode);
    assertEquals(GlobalValue.i32(1), instance.global("count"));
    instance.call("_start");
    assertEquals(GlobalValue.i32(100), instance.global("count"));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aTrapInTheStartFunctionIsATrap(ExecutionMode mode) {
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> Fixtures.instantiate("start_trap", mode));
    assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aHostTrapInTheStartFunctionReachesInstantiate(ExecutionMode mode) {
    WasmTrapException boom = new WasmTrapException("boom");
    HostImports imports =
        new HostImports(
            List.of(
                new HostFunction(
                    "env",
                    "fail",
                    FuncType.of(List.of(), List.of()),
                    (memory, args) -> {
                      throw boom;
                    })));
    assertSame(
        boom,
        assertThrows(
            WasmTrapException.class, () -> Fixtures.instantiate("start_host", imports, mode)));
  }
}
