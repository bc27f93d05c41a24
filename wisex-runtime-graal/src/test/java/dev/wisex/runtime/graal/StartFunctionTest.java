package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.RuntimeUnderTest;
import org.junit.jupiter.api.Test;

/** The start function, which this backend moves to a reserved export, stays the module's own. */
class StartFunctionTest implements RuntimeUnderTest {
  @Override
  public WasmRuntime runtime() {
    return Fixtures.RUNTIME;
  }

  @Test
  void theMovedStartFunctionCannotBeCalledByName() {
    WasmInstance instance = instantiate("start");
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instance.call("__wisex_graal_start"));
    assertEquals("module has no exported function `__wisex_graal_start`", e.getMessage());
    assertEquals(GlobalValue.i32(1), instance.global("count"));
  }
}
