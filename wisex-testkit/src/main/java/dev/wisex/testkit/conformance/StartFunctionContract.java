package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostHandler;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The start function runs once, inside instantiation, with the host functions it calls seeing the
 * memory of the instance being created; its traps are instantiation's.
 */
public interface StartFunctionContract extends RuntimeUnderTest {
  @ParameterizedTest
  @MethodSource("executionModes")
  default void theStartFunctionRunsOnceAndAnExportedStartNotAtAll(ExecutionMode mode) {
    WasmInstance instance = instantiate("start", mode);
    assertEquals(GlobalValue.i32(1), instance.global("count"));
    instance.call("_start");
    assertEquals(GlobalValue.i32(100), instance.global("count"));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aTrapInTheStartFunctionIsATrap(ExecutionMode mode) {
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> instantiate("start_trap", mode));
    assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aHostTrapInTheStartFunctionReachesInstantiate(ExecutionMode mode) {
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
        assertThrows(WasmTrapException.class, () -> instantiate("start_host", imports, mode)));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aHostFunctionCalledByTheStartFunctionSeesMemoryZeroEvenUnexported(
      ExecutionMode mode) {
    List<Integer> seen = new ArrayList<>();
    HostImports imports =
        peek(
            (memory, args) -> {
              byte[] one = new byte[1];
              memory.read(args[0], one, 0, 1);
              seen.add((int) one[0]);
              memory.write(args[0] + 1, new byte[] {(byte) (one[0] + 1)}, 0, 1);
              return null;
            });
    WasmInstance instance = instantiate("start_host_memory", imports, mode);
    assertEquals(List.of(42), seen);
    assertArrayEquals(new long[] {43}, instance.call("at9"));
    instance.call("poke");
    assertEquals(List.of(42, 43), seen);
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aHostFunctionGetsTheMemoryOfTheInstanceThatCalledIt(ExecutionMode mode) {
    List<GuestMemory> seen = new ArrayList<>();
    HostImports imports =
        peek(
            (memory, args) -> {
              seen.add(memory);
              memory.write(args[0] + 1, new byte[] {(byte) seen.size()}, 0, 1);
              return null;
            });
    WasmInstance first = instantiate("start_host_memory", imports, mode);
    WasmInstance second = instantiate("start_host_memory", imports, mode);
    assertArrayEquals(new long[] {1}, first.call("at9"));
    assertArrayEquals(new long[] {2}, second.call("at9"));
  }

  /** The imports of {@code start_host_memory}: its {@code env.peek (param i32)}. */
  private static HostImports peek(HostHandler handler) {
    return new HostImports(
        List.of(
            new HostFunction(
                "env", "peek", FuncType.of(List.of(ValType.I32), List.of()), handler)));
  }
}
