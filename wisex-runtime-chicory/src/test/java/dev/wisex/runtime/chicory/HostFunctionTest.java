package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.api.RejectedModuleException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostHandler;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HostFunctionTest {
  private static final FuncType SUM_TYPE =
      FuncType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
  private static final FuncType VOID_TYPE = FuncType.of(List.of(), List.of());

  /** Sums the bytes at [ptr, ptr+len) and writes 0xAB right after them. */
  private static final HostHandler SUM_AND_MARK =
      (memory, args) -> {
        int ptr = (int) args[0];
        int len = (int) args[1];
        byte[] bytes = new byte[len];
        memory.read(ptr, bytes, 0, len);
        int sum = 0;
        for (byte b : bytes) {
          sum += b;
        }
        memory.write(ptr + len, new byte[] {(byte) 0xAB}, 0, 1);
        return new long[] {sum};
      };

  private static HostImports hostImports(HostHandler fail) {
    return new HostImports(
        List.of(
            new HostFunction("env", "sum_and_mark", SUM_TYPE, SUM_AND_MARK),
            new HostFunction("env", "fail", VOID_TYPE, fail)));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aHostFunctionReadsAndWritesGuestMemory(ExecutionMode mode) {
    WasmInstance instance = Fixtures.instantiate("host", hostImports((m, a) -> new long[0]), mode);
    assertArrayEquals(new long[] {10}, instance.call("run"));
    assertArrayEquals(new long[] {0xAB}, instance.call("marker"));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aHostTrapReachesTheCallerAsTheSameException(ExecutionMode mode) {
    WasmTrapException boom = new WasmTrapException("boom");
    WasmInstance instance =
        Fixtures.instantiate(
            "host",
            hostImports(
                (m, a) -> {
                  throw boom;
                }),
            mode);
    WasmTrapException thrown =
        assertThrows(WasmTrapException.class, () -> instance.call("call_fail"));
    assertSame(boom, thrown);
    assertEquals("boom", thrown.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void anyWisexExceptionFromTheHostPassesUnchanged(ExecutionMode mode) {
    RejectedModuleException rejected = new RejectedModuleException("no sockets during init");
    WasmInstance instance =
        Fixtures.instantiate(
            "host",
            hostImports(
                (m, a) -> {
                  throw rejected;
                }),
            mode);
    assertSame(
        rejected, assertThrows(RejectedModuleException.class, () -> instance.call("call_fail")));
  }

  @Test
  void aHostBugIsNotDisguisedAsATrap() {
    IllegalStateException bug = new IllegalStateException("host bug");
    WasmInstance instance =
        Fixtures.instantiate(
            "host",
            hostImports(
                (m, a) -> {
                  throw bug;
                }),
            ExecutionMode.AUTO);
    assertSame(bug, assertThrows(IllegalStateException.class, () -> instance.call("call_fail")));
  }

  @Test
  void aHostReturningTheWrongNumberOfResultsIsCaught() {
    HostImports imports =
        new HostImports(
            List.of(
                new HostFunction("env", "sum_and_mark", SUM_TYPE, (m, a) -> new long[0]),
                new HostFunction("env", "fail", VOID_TYPE, (m, a) -> null)));
    WasmInstance instance = Fixtures.instantiate("host", imports, ExecutionMode.AUTO);
    // A void host function may answer null.
    instance.call("call_fail");
    InitFailedException e = assertThrows(InitFailedException.class, () -> instance.call("run"));
    assertEquals(
        "host function `env.sum_and_mark` returned 0 values, but its type declares 1",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aModuleWithoutMemoryGivesTheHostNoneAndThirtyTwoBitValuesTheirBitsOnly(ExecutionMode mode) {
    List<GuestMemory> seen = new ArrayList<>();
    List<long[]> echoed = new ArrayList<>();
    HostFunction probe =
        new HostFunction(
            "env",
            "probe",
            FuncType.of(List.of(ValType.I64), List.of(ValType.I64)),
            (memory, args) -> {
              seen.add(memory);
              return new long[] {args[0] * 2};
            });
    HostFunction echo32 =
        new HostFunction(
            "env",
            "echo32",
            FuncType.of(List.of(ValType.I32, ValType.F32), List.of(ValType.I32)),
            (memory, args) -> {
              echoed.add(args.clone());
              return new long[] {args[0]};
            });
    WasmInstance instance =
        Fixtures.instantiate("host_without_memory", new HostImports(List.of(probe, echo32)), mode);
    assertArrayEquals(new long[] {-42}, instance.call("run", -21));
    assertEquals(1, seen.size());
    assertNull(seen.get(0));

    assertArrayEquals(new long[] {0xFFFF_FFFFL}, instance.call("echo"));
    assertArrayEquals(new long[] {0xFFFF_FFFFL, 0x8000_0000L}, echoed.get(0));
  }

  @Test
  void aMissingImportIsNamed() {
    HostImports onlyFail =
        new HostImports(List.of(new HostFunction("env", "fail", VOID_TYPE, (m, a) -> null)));
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.instantiate("host", onlyFail, ExecutionMode.AUTO));
    assertEquals(
        "module imports the function `env.sum_and_mark`, which the host does not provide",
        e.getMessage());
  }

  @Test
  void aMistypedImportShowsBothSignatures() {
    HostImports wrong =
        new HostImports(
            List.of(
                new HostFunction(
                    "env",
                    "sum_and_mark",
                    FuncType.of(List.of(ValType.I32), List.of(ValType.I64)),
                    SUM_AND_MARK),
                new HostFunction("env", "fail", VOID_TYPE, (m, a) -> null)));
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.instantiate("host", wrong, ExecutionMode.AUTO));
    assertEquals(
        "module imports `env.sum_and_mark` as (i32, i32) -> (i32), but the host function has type (i32) -> (i64)",
        e.getMessage());
  }
}
