package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.wasm.types.TypeSection;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.GlobalValue;

/**
 * Reads a global's exact bits. Chicory stores every value as raw bits in a {@code long}, so nothing
 * goes through {@code float} or {@code double} and NaN payloads survive.
 */
final class GlobalReader {
  private GlobalReader() {}

  static GlobalValue read(String name, GlobalInstance global, TypeSection types) {
    ValType type = global.getType();
    long low = global.getValueLow();
    if (type.equals(ValType.I32)) {
      return GlobalValue.i32((int) low);
    }
    if (type.equals(ValType.I64)) {
      return GlobalValue.i64(low);
    }
    if (type.equals(ValType.F32)) {
      return GlobalValue.f32Bits((int) low);
    }
    if (type.equals(ValType.F64)) {
      return GlobalValue.f64Bits(low);
    }
    if (type.equals(ValType.V128)) {
      return GlobalValue.v128(low, global.getValueHigh());
    }
    // References travel as Chicory's opaque handles; typed references narrow to the two SPI kinds.
    if (type.isReference() && ValType.matchesRef(type, ValType.FuncRef, types)) {
      return new GlobalValue(dev.wisex.runtime.spi.ValType.FUNCREF, low, 0);
    }
    if (type.isReference() && ValType.matchesRef(type, ValType.ExternRef, types)) {
      return new GlobalValue(dev.wisex.runtime.spi.ValType.EXTERNREF, low, 0);
    }
    throw new InitFailedException(
        "global `" + name + "` has type " + type + ", which wisex cannot read");
  }
}
