package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartFunctionTest {
  @Test
  void theStartFunctionRunsOnceAndAnExportedStartNotAtAll() {
    WasmInstance instance = Fixtures.instantiate("start");
    assertEquals(GlobalValue.i32(1), instance.global("count"));
    instance.call("_start");
    assertEquals(GlobalValue.i32(100), instance.global("count"));
  }

  @Test
  void theMovedStartFunctionCannotBeCalledByName() {
    WasmInstance instance = Fixtures.instantiate("start");
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instance.call("__wisex_graal_start"));
    assertEquals("module has no exported function `__wisex_graal_start`", e.getMessage());
    assertEquals(GlobalValue.i32(1), instance.global("count"));
  }

  @Test
  void aTrapInTheStartFunctionIsATrap() {
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> Fixtures.instantiate("start_trap"));
    assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
  }

  @Test
  void aHostTrapInTheStartFunctionReachesInstantiate() {
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
        assertThrows(WasmTrapException.class, () -> Fixtures.instantiate("start_host", imports)));
  }

  @Test
  void aHostFunctionCalledByTheStartFunctionSeesMemoryZeroEvenUnexported() {
    List<Integer> seen = new ArrayList<>();
    HostFunction peek =
        new HostFunction(
            "env",
            "peek",
            FuncType.of(List.of(ValType.I32), List.of()),
            (memory, args) -> {
              byte[] one = new byte[1];
              memory.read(args[0], one, 0, 1);
              seen.add((int) one[0]);
              memory.write(args[0] + 1, new byte[] {(byte) (one[0] + 1)}, 0, 1);
              return null;
            });
    WasmInstance instance =
        Fixtures.instantiate("start_host_memory", new HostImports(List.of(peek)));
    assertEquals(List.of(42), seen);
    assertArrayEquals(new long[] {43}, instance.call("at9"));
    instance.call("poke");
    assertEquals(List.of(42, 43), seen);
  }

  @Test
  void aHostFunctionGetsTheMemoryOfTheInstanceThatCalledIt() {
    List<GuestMemory> seen = new ArrayList<>();
    HostFunction peek =
        new HostFunction(
            "env",
            "peek",
            FuncType.of(List.of(ValType.I32), List.of()),
            (memory, args) -> {
              seen.add(memory);
              memory.write(args[0] + 1, new byte[] {(byte) seen.size()}, 0, 1);
              return null;
            });
    HostImports imports = new HostImports(List.of(peek));
    WasmInstance first = Fixtures.instantiate("start_host_memory", imports);
    WasmInstance second = Fixtures.instantiate("start_host_memory", imports);
    assertArrayEquals(new long[] {1}, first.call("at9"));
    assertArrayEquals(new long[] {2}, second.call("at9"));
  }
}
