package dev.wisex.runtime.spi;

/**
 * A global's value with its exact bits: f32/f64 as raw IEEE bits (NaN payloads and -0.0 survive),
 * v128 as two little-endian halves. Numbers are never converted through {@code float}/{@code
 * double}.
 *
 * @param type the global's type
 * @param low the value's bits (i32/f32 in the low 32 bits), or the low 64 bits of a v128
 * @param high the high 64 bits of a v128, else 0
 */
public record GlobalValue(ValType type, long low, long high) {
  public static GlobalValue i32(int value) {
    return new GlobalValue(ValType.I32, value & 0xFFFF_FFFFL, 0);
  }

  public static GlobalValue i64(long value) {
    return new GlobalValue(ValType.I64, value, 0);
  }

  public static GlobalValue f32Bits(int bits) {
    return new GlobalValue(ValType.F32, bits & 0xFFFF_FFFFL, 0);
  }

  public static GlobalValue f64Bits(long bits) {
    return new GlobalValue(ValType.F64, bits, 0);
  }

  public static GlobalValue v128(long low, long high) {
    return new GlobalValue(ValType.V128, low, high);
  }
}
