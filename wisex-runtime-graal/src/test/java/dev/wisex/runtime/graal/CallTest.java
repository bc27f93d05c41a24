package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.WasmInstance;
import org.junit.jupiter.api.Test;

class CallTest {
  @Test
  void passesIntegersAsRawBitsAndZeroExtends32BitResults() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    assertArrayEquals(new long[] {0x8000_0000L}, instance.call("add_i32", Integer.MAX_VALUE, 1));
    assertArrayEquals(new long[] {0xFFFF_FFFFL}, instance.call("add_i32", -3, 2));
    // Arguments are taken by their low 32 bits, whichever way the caller extended them.
    assertArrayEquals(new long[] {0xFFFF_FFFFL}, instance.call("add_i32", 0xFFFF_FFFDL, 2));
    assertArrayEquals(new long[] {Long.MIN_VALUE}, instance.call("add_i64", Long.MAX_VALUE, 1));
  }

  @Test
  void passesFloatsAsRawBits() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    long product =
        instance.call("mul_f32", Float.floatToRawIntBits(1.5f), Float.floatToRawIntBits(-2f))[0];
    assertEquals(Float.floatToRawIntBits(-3f) & 0xFFFF_FFFFL, product);
    long quotient =
        instance
            .call("div_f64", Double.doubleToRawLongBits(1.0), Double.doubleToRawLongBits(-0.0))[0];
    assertEquals(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), quotient);
  }

  @Test
  void keepsNanPayloadsThroughArgumentsAndResults() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    assertArrayEquals(
        new long[] {0xFFF8_0000_0000_1234L}, instance.call("neg_f64", 0x7FF8_0000_0000_1234L));
    // A signalling NaN goes in and comes out without being quietened.
    assertArrayEquals(
        new long[] {0x7FF0_0000_0000_0001L}, instance.call("neg_f64", 0xFFF0_0000_0000_0001L));
  }

  @Test
  void returnsEveryResultOfAMultiValueFunction() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    assertArrayEquals(new long[] {-5L, 7L}, instance.call("swap", 7, -5L));
  }

  @Test
  void returnsNoResultsForAVoidFunction() {
    assertArrayEquals(new long[0], Fixtures.instantiate("numbers").call("nothing"));
  }

  @Test
  void unreachableTraps() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    WasmTrapException trap = assertThrows(WasmTrapException.class, () -> instance.call("trap"));
    assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
  }

  @Test
  void integerDivisionByZeroTraps() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> instance.call("div_s", 1, 0));
    assertTrue(trap.getMessage().contains("divide by zero"), trap.getMessage());
  }

  @Test
  void unboundedRecursionExhaustsTheCallStack() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> instance.call("recurse", 0));
    assertEquals("call stack exhausted", trap.getMessage());
    assertArrayEquals(new long[] {3}, instance.call("add_i32", 1, 2));
  }

  @Test
  void anUnknownExportIsNamed() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    InitFailedException missing =
        assertThrows(InitFailedException.class, () -> instance.call("nope"));
    assertEquals("module has no exported function `nope`", missing.getMessage());
    InitFailedException notAFunction =
        assertThrows(InitFailedException.class, () -> instance.call("not_a_function"));
    assertEquals("module has no exported function `not_a_function`", notAFunction.getMessage());
  }

  @Test
  void aWrongArgumentCountIsRefusedBeforeTheCall() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instance.call("add_i32", 1));
    assertEquals(
        "exported function `add_i32` has type (i32, i32) -> (i32) but was called with 1 arguments",
        e.getMessage());
  }

  @Test
  void aClosedInstanceCannotBeCalled() {
    WasmInstance instance = Fixtures.instantiate("numbers");
    instance.close();
    instance.close();
    assertThrows(RuntimeException.class, () -> instance.call("nothing"));
  }

  /**
   * Deeper than a cold GraalWasm gets on the test JVM's 8 MiB stack: guest code runs on a larger
   * one.
   */
  @Test
  void deepRecursionRunsOnALargeStack() {
    WasmInstance instance = Fixtures.instantiate("deep");
    assertArrayEquals(new long[] {10_000}, instance.call("depth", 10_000));
  }
}
