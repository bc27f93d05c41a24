package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.WasmInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calling exports: values cross as raw bits (32-bit ones zero-extended), traps are traps, and a
 * call the export cannot take is refused by name.
 */
public interface CallContract extends RuntimeUnderTest {
  @ParameterizedTest
  @MethodSource("executionModes")
  default void passesIntegersAsRawBitsAndZeroExtends32BitResults(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    // Overflows to Integer.MIN_VALUE: the result holds the 32 bits in the low half, the high half
    // zero.
    assertArrayEquals(new long[] {0x8000_0000L}, instance.call("add_i32", Integer.MAX_VALUE, 1));
    assertArrayEquals(new long[] {0xFFFF_FFFFL}, instance.call("add_i32", -3, 2));
    // Arguments are taken by their low 32 bits, whichever way the caller extended them.
    assertArrayEquals(new long[] {0xFFFF_FFFFL}, instance.call("add_i32", 0xFFFF_FFFDL, 2));
    assertArrayEquals(new long[] {Long.MIN_VALUE}, instance.call("add_i64", Long.MAX_VALUE, 1));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void passesFloatsAsRawBits(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    long product =
        instance.call("mul_f32", Float.floatToRawIntBits(1.5f), Float.floatToRawIntBits(-2f))[0];
    assertEquals(Float.floatToRawIntBits(-3f) & 0xFFFF_FFFFL, product);
    long quotient =
        instance
            .call("div_f64", Double.doubleToRawLongBits(1.0), Double.doubleToRawLongBits(-0.0))[0];
    assertEquals(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), quotient);
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void keepsNanPayloadsThroughArgumentsAndResults(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    assertArrayEquals(
        new long[] {0xFFF8_0000_0000_1234L}, instance.call("neg_f64", 0x7FF8_0000_0000_1234L));
    // A signalling NaN goes in and comes out without being quietened.
    assertArrayEquals(
        new long[] {0x7FF0_0000_0000_0001L}, instance.call("neg_f64", 0xFFF0_0000_0000_0001L));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void returnsEveryResultOfAMultiValueFunction(ExecutionMode mode) {
    assertArrayEquals(new long[] {-5L, 7L}, instantiate("numbers", mode).call("swap", 7, -5L));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void returnsNoResultsForAVoidFunction(ExecutionMode mode) {
    assertArrayEquals(new long[0], instantiate("numbers", mode).call("nothing"));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void unreachableTraps(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    WasmTrapException trap = assertThrows(WasmTrapException.class, () -> instance.call("trap"));
    assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void integerDivisionByZeroTraps(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> instance.call("div_s", 1, 0));
    assertTrue(trap.getMessage().contains("divide by zero"), trap.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void unboundedRecursionExhaustsTheCallStack(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> instance.call("recurse", 0));
    assertEquals("call stack exhausted", trap.getMessage());
    // The instance stays usable after the stack unwound.
    assertArrayEquals(new long[] {3}, instance.call("add_i32", 1, 2));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void anUnknownExportIsNamed(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    InitFailedException missing =
        assertThrows(InitFailedException.class, () -> instance.call("nope"));
    assertEquals("module has no exported function `nope`", missing.getMessage());
    InitFailedException notAFunction =
        assertThrows(InitFailedException.class, () -> instance.call("not_a_function"));
    assertEquals("module has no exported function `not_a_function`", notAFunction.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aWrongArgumentCountIsRefusedBeforeTheCall(ExecutionMode mode) {
    WasmInstance instance = instantiate("numbers", mode);
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instance.call("add_i32", 1));
    assertEquals(
        "exported function `add_i32` has type (i32, i32) -> (i32) but was called with 1 arguments",
        e.getMessage());
  }
}
