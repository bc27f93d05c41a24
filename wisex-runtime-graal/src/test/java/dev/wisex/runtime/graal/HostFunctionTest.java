package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void aHostFunctionReadsAndWritesGuestMemory() {
    WasmInstance instance = Fixtures.instantiate("host", hostImports((m, a) -> new long[0]));
    assertArrayEquals(new long[] {10}, instance.call("run"));
    assertArrayEquals(new long[] {0xAB}, instance.call("marker"));
  }

  @Test
  void aHostTrapReachesTheCallerAsTheSameException() {
    WasmTrapException boom = new WasmTrapException("boom");
    WasmInstance instance =
        Fixtures.instantiate(
            "host",
            hostImports(
                (m, a) -> {
                  throw boom;
                }));
    WasmTrapException thrown =
        assertThrows(WasmTrapException.class, () -> instance.call("call_fail"));
    assertSame(boom, thrown);
    assertEquals("boom", thrown.getMessage());
  }

  @Test
  void anyWisexExceptionFromTheHostPassesUnchanged() {
    RejectedModuleException rejected = new RejectedModuleException("no sockets during init");
    WasmInstance instance =
        Fixtures.instantiate(
            "host",
            hostImports(
                (m, a) -> {
                  throw rejected;
                }));
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
                }));
    assertSame(bug, assertThrows(IllegalStateException.class, () -> instance.call("call_fail")));
  }

  @Test
  void aHostReturningTheWrongNumberOfResultsIsCaught() {
    HostImports imports =
        new HostImports(
            List.of(
                new HostFunction("env", "sum_and_mark", SUM_TYPE, (m, a) -> new long[0]),
                new HostFunction("env", "fail", VOID_TYPE, (m, a) -> null)));
    WasmInstance instance = Fixtures.instantiate("host", imports);
    // A void host function may answer null.
    instance.call("call_fail");
    InitFailedException e = assertThrows(InitFailedException.class, () -> instance.call("run"));
    assertEquals(
        "host function `env.sum_and_mark` returned 0 values, but its type declares 1",
        e.getMessage());
  }

  @Test
  void aModuleWithoutMemoryGivesTheHostNoneAndThirtyTwoBitValuesTheirBitsOnly() {
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
        Fixtures.instantiate("host_without_memory", new HostImports(List.of(probe, echo32)));
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
        assertThrows(InitFailedException.class, () -> Fixtures.instantiate("host", onlyFail));
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
        assertThrows(InitFailedException.class, () -> Fixtures.instantiate("host", wrong));
    assertEquals(
        "module imports `env.sum_and_mark` as (i32, i32) -> (i32), but the host function has type (i32) -> (i64)",
        e.getMessage());
  }

  @Test
  void severalResultsAndWideValuesCrossWithTheirBits() {
    List<long[]> received = new ArrayList<>();
    HostFunction triple =
        new HostFunction(
            "env",
            "triple",
            FuncType.of(
                List.of(ValType.F64, ValType.I64), List.of(ValType.I32, ValType.I64, ValType.F64)),
            (memory, args) -> {
              received.add(args.clone());
              return new long[] {0xFFFF_FFFEL, args[1], args[0] ^ Long.MIN_VALUE};
            });
    WasmInstance instance = Fixtures.instantiate("host_multi", new HostImports(List.of(triple)));
    long nan = 0x7FF0_0000_0000_0001L;
    assertArrayEquals(
        new long[] {0xFFFF_FFFEL, Long.MIN_VALUE, nan ^ Long.MIN_VALUE},
        instance.call("run", nan, Long.MIN_VALUE));
    assertArrayEquals(new long[] {nan, Long.MIN_VALUE}, received.get(0));
  }

  @Test
  void anImportThatIsNotAFunctionIsRefusedByName() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.instantiate("imported_table", HostImports.none()));
    assertEquals(
        "module imports the table `env.t`, but the host provides only functions and memories",
        e.getMessage());
  }

  @Test
  void aHostErrorIsNotDisguisedEither() {
    AssertionError bug = new AssertionError("host assertion");
    WasmInstance instance =
        Fixtures.instantiate(
            "host",
            hostImports(
                (m, a) -> {
                  throw bug;
                }));
    assertSame(bug, assertThrows(AssertionError.class, () -> instance.call("call_fail")));
  }
}
