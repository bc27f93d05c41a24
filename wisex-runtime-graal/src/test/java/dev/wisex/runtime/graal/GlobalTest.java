package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import org.junit.jupiter.api.Test;

class GlobalTest {
  @Test
  void readsInitialValuesOfEveryNumericType() {
    WasmInstance instance = Fixtures.instantiate("globals");
    assertEquals(new GlobalValue(ValType.I32, 0xFFFF_FFF9L, 0), instance.global("g_i32"));
    assertEquals(GlobalValue.i64(Long.MIN_VALUE), instance.global("g_i64"));
    assertEquals(GlobalValue.f32Bits(Float.floatToRawIntBits(1f)), instance.global("m_f32"));
    assertEquals(GlobalValue.f64Bits(Double.doubleToRawLongBits(1.0)), instance.global("m_f64"));
  }

  @Test
  void keepsNanPayloadsAndNegativeZeroExactly() {
    WasmInstance instance = Fixtures.instantiate("globals");
    assertEquals(GlobalValue.f32Bits(0x7FA0_0001), instance.global("g_f32_nan"));
    assertEquals(GlobalValue.f32Bits(0x8000_0000), instance.global("g_f32_negzero"));
    assertEquals(GlobalValue.f64Bits(0xFFF8_0000_0000_0001L), instance.global("g_f64_nan"));
    assertEquals(GlobalValue.f64Bits(0x8000_0000_0000_0000L), instance.global("g_f64_negzero"));
  }

  @Test
  void seesWhatACallStoredInMutableGlobals() {
    WasmInstance instance = Fixtures.instantiate("globals");
    instance.call("update");
    assertEquals(GlobalValue.i32(42), instance.global("g_i32"));
    assertEquals(GlobalValue.i64(0x1234_5678_9ABC_DEF0L), instance.global("g_i64"));
    // Signalling NaNs, stored from integer bits: no float conversion on the way out may quieten
    // them.
    assertEquals(GlobalValue.f32Bits(0xFFA0_0001), instance.global("m_f32"));
    assertEquals(GlobalValue.f64Bits(0x7FF4_0000_0000_0001L), instance.global("m_f64"));
    assertEquals(0xFFA0_0001L, instance.call("f32_bits")[0]);
  }

  @Test
  void storesArgumentBitsInGlobalsUnchanged() {
    WasmInstance instance = Fixtures.instantiate("globals");
    instance.call("set_f32", 0x7F80_0001L);
    instance.call("set_f64", 0xFFF0_0000_0000_0002L);
    assertEquals(GlobalValue.f32Bits(0x7F80_0001), instance.global("m_f32"));
    assertEquals(GlobalValue.f64Bits(0xFFF0_0000_0000_0002L), instance.global("m_f64"));
  }

  @Test
  void readsAV128GlobalAsTwoLittleEndianHalves() {
    WasmInstance instance = Fixtures.instantiate("simd_global");
    assertEquals(GlobalValue.v128(1, 2), instance.global("v"));
  }

  @Test
  void keepsEveryBitOfAV128SetByCode() {
    WasmInstance instance = Fixtures.instantiate("v128_set");
    assertEquals(GlobalValue.v128(0, 0), instance.global("v"));
    instance.call("set");
    GlobalValue expected = GlobalValue.v128(0x8000_0000_7FC0_0001L, 0xFFFF_FFFF_0000_0000L);
    assertEquals(expected, instance.global("v"));
    assertArrayEquals(new long[] {0x7FC0_0001L}, instance.call("lane", 0));
    // A v128 result comes back as its two halves, low first.
    assertArrayEquals(new long[] {expected.low(), expected.high()}, instance.call("get"));
  }

  @Test
  void anUnknownGlobalIsNamed() {
    WasmInstance instance = Fixtures.instantiate("globals");
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instance.global("update"));
    assertEquals("module has no exported global `update`", e.getMessage());
  }
}
