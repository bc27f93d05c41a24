package dev.wisex.testkit.conformance;

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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Host functions: they see the caller's memory, values cross as bits, their exceptions reach the
 * caller unchanged, and imports the host does not satisfy are refused by name before anything runs.
 */
public interface HostFunctionContract extends RuntimeUnderTest {
  /** {@code (i32, i32) -> (i32)}. */
  FuncType SUM_TYPE = FuncType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

  /** {@code () -> ()}. */
  FuncType VOID_TYPE = FuncType.of(List.of(), List.of());

  /** Sums the bytes at [ptr, ptr+len) and writes 0xAB right after them. */
  HostHandler SUM_AND_MARK =
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

  /**
   * The imports of the {@code host} module, with {@code fail} as the handler of {@code env.fail}.
   */
  private static HostImports hostImports(HostHandler fail) {
    return new HostImports(
        List.of(
            new HostFunction("env", "sum_and_mark", SUM_TYPE, SUM_AND_MARK),
            new HostFunction("env", "fail", VOID_TYPE, fail)));
  }

  /** The {@code host} module, its {@code env.fail} throwing {@code thrown}. */
  private WasmInstance failingWith(Throwable thrown, ExecutionMode mode) {
    return instantiate(
        "host",
        hostImports(
            (m, a) -> {
              if (thrown instanceof RuntimeException e) {
                throw e;
              }
              throw (Error) thrown;
            }),
        mode);
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aHostFunctionReadsAndWritesGuestMemory(ExecutionMode mode) {
    WasmInstance instance = instantiate("host", hostImports((m, a) -> new long[0]), mode);
    assertArrayEquals(new long[] {10}, instance.call("run"));
    assertArrayEquals(new long[] {0xAB}, instance.call("marker"));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aHostTrapReachesTheCallerAsTheSameException(ExecutionMode mode) {
    WasmTrapException boom = new WasmTrapException("boom");
    WasmInstance instance = failingWith(boom, mode);
    WasmTrapException thrown =
        assertThrows(WasmTrapException.class, () -> instance.call("call_fail"));
    assertSame(boom, thrown);
    assertEquals("boom", thrown.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void anyWisexExceptionFromTheHostPassesUnchanged(ExecutionMode mode) {
    RejectedModuleException rejected = new RejectedModuleException("no sockets during init");
    WasmInstance instance = failingWith(rejected, mode);
    assertSame(
        rejected, assertThrows(RejectedModuleException.class, () -> instance.call("call_fail")));
  }

  @Test
  default void aHostBugIsNotDisguisedAsATrap() {
    IllegalStateException bug = new IllegalStateException("host bug");
    WasmInstance instance = failingWith(bug, modes().get(0));
    assertSame(bug, assertThrows(IllegalStateException.class, () -> instance.call("call_fail")));
  }

  @Test
  default void aHostErrorIsNotDisguisedEither() {
    AssertionError bug = new AssertionError("host assertion");
    WasmInstance instance = failingWith(bug, modes().get(0));
    assertSame(bug, assertThrows(AssertionError.class, () -> instance.call("call_fail")));
  }

  @Test
  default void aHostReturningTheWrongNumberOfResultsIsCaught() {
    HostImports imports =
        new HostImports(
            List.of(
                new HostFunction("env", "sum_and_mark", SUM_TYPE, (m, a) -> new long[0]),
                new HostFunction("env", "fail", VOID_TYPE, (m, a) -> null)));
    WasmInstance instance = instantiate("host", imports, modes().get(0));
    // A void host function may answer null.
    instance.call("call_fail");
    InitFailedException e = assertThrows(InitFailedException.class, () -> instance.call("run"));
    assertEquals(
        "host function `env.sum_and_mark` returned 0 values, but its type declares 1",
        e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aModuleWithoutMemoryGivesTheHostNoneAndThirtyTwoBitValuesTheirBitsOnly(
      ExecutionMode mode) {
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
        instantiate("host_without_memory", new HostImports(List.of(probe, echo32)), mode);
    assertArrayEquals(new long[] {-42}, instance.call("run", -21));
    assertEquals(1, seen.size());
    assertNull(seen.get(0));

    assertArrayEquals(new long[] {0xFFFF_FFFFL}, instance.call("echo"));
    assertArrayEquals(new long[] {0xFFFF_FFFFL, 0x8000_0000L}, echoed.get(0));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void severalResultsAndWideValuesCrossWithTheirBits(ExecutionMode mode) {
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
    WasmInstance instance = instantiate("host_multi", new HostImports(List.of(triple)), mode);
    long nan = 0x7FF0_0000_0000_0001L;
    assertArrayEquals(
        new long[] {0xFFFF_FFFEL, Long.MIN_VALUE, nan ^ Long.MIN_VALUE},
        instance.call("run", nan, Long.MIN_VALUE));
    assertArrayEquals(new long[] {nan, Long.MIN_VALUE}, received.get(0));
  }

  @Test
  default void aMissingImportIsNamed() {
    HostImports onlyFail =
        new HostImports(List.of(new HostFunction("env", "fail", VOID_TYPE, (m, a) -> null)));
    InitFailedException e =
        assertThrows(
            InitFailedException.class, () -> instantiate("host", onlyFail, modes().get(0)));
    assertEquals(
        "module imports the function `env.sum_and_mark`, which the host does not provide",
        e.getMessage());
  }

  @Test
  default void aMistypedImportShowsBothSignatures() {
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
        assertThrows(InitFailedException.class, () -> instantiate("host", wrong, modes().get(0)));
    assertEquals(
        "module imports `env.sum_and_mark` as (i32, i32) -> (i32), but the host function has type"
            + " (i32) -> (i64)",
        e.getMessage());
  }

  @Test
  default void anImportThatIsNotAFunctionIsRefusedByName() {
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instantiate("imported_table"));
    assertEquals(
        "module imports the table `env.t`, but the host provides only functions and memories",
        e.getMessage());
  }
}
