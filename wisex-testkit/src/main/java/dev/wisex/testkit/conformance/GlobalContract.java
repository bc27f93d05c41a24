package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading exported globals: every bit of every type, before and after guest code changes them. */
public interface GlobalContract extends RuntimeUnderTest {
  @Test
  default void readsInitialValuesOfEveryNumericType() {
    WasmInstance instance = instantiate("globals");
    assertEquals(new GlobalValue(ValType.I32, 0xFFFF_FFF9L, 0), instance.global("g_i32"));
    assertEquals(GlobalValue.i64(Long.MIN_VALUE), instance.global("g_i64"));
    assertEquals(GlobalValue.f32Bits(Float.floatToRawIntBits(1f)), instance.global("m_f32"));
    assertEquals(GlobalValue.f64Bits(Double.doubleToRawLongBits(1.0)), instance.global("m_f64"));
  }

  @Test
  default void keepsNanPayloadsAndNegativeZeroExactly() {
    WasmInstance instance = instantiate("globals");
    assertEquals(GlobalValue.f32Bits(0x7FA0_0001), instance.global("g_f32_nan"));
    assertEquals(GlobalValue.f32Bits(0x8000_0000), instance.global("g_f32_negzero"));
    assertEquals(GlobalValue.f64Bits(0xFFF8_0000_0000_0001L), instance.global("g_f64_nan"));
    assertEquals(GlobalValue.f64Bits(0x8000_0000_0000_0000L), instance.global("g_f64_negzero"));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void seesWhatACallStoredInMutableGlobals(ExecutionMode mode) {
    WasmInstance instance = instantiate("globals", mode);
    instance.call("update");
    assertEquals(GlobalValue.i32(42), instance.global("g_i32"));
    assertEquals(GlobalValue.i64(0x1234_5678_9ABC_DEF0L), instance.global("g_i64"));
    // Signalling NaNs, stored from integer bits: no float conversion on the way out may quieten
    // them.
    assertEquals(GlobalValue.f32Bits(0xFFA0_0001), instance.global("m_f32"));
    assertEquals(GlobalValue.f64Bits(0x7FF4_0000_0000_0001L), instance.global("m_f64"));
    assertEquals(0xFFA0_0001L, instance.call("f32_bits")[0]);
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void storesArgumentBitsInGlobalsUnchanged(ExecutionMode mode) {
    WasmInstance instance = instantiate("globals", mode);
    instance.call("set_f32", 0x7F80_0001L);
    instance.call("set_f64", 0xFFF0_0000_0000_0002L);
    assertEquals(GlobalValue.f32Bits(0x7F80_0001), instance.global("m_f32"));
    assertEquals(GlobalValue.f64Bits(0xFFF0_0000_0000_0002L), instance.global("m_f64"));
  }

  @Test
  default void readsAV128GlobalAsTwoLittleEndianHalves() {
    assumeClaims(Capability.SIMD);
    assertEquals(GlobalValue.v128(1, 2), instantiate("simd_global").global("v"));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void keepsEveryBitOfAV128SetByCode(ExecutionMode mode) {
    assumeClaims(Capability.SIMD);
    WasmInstance instance = instantiate("v128_set", mode);
    assertEquals(GlobalValue.v128(0, 0), instance.global("v"));
    instance.call("set");
    GlobalValue expected = GlobalValue.v128(0x8000_0000_7FC0_0001L, 0xFFFF_FFFF_0000_0000L);
    assertEquals(expected, instance.global("v"));
    assertArrayEquals(new long[] {0x7FC0_0001L}, instance.call("lane", 0));
    // A v128 result comes back as its two halves, low first.
    assertArrayEquals(new long[] {expected.low(), expected.high()}, instance.call("get"));
  }

  @Test
  default void anUnknownGlobalIsNamed() {
    WasmInstance instance = instantiate("globals");
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instance.global("update"));
    assertEquals("module has no exported global `update`", e.getMessage());
  }
}
