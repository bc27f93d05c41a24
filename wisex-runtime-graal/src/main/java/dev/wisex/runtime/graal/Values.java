package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.ValType;
import org.graalvm.polyglot.Value;

/**
 * Converts between wisex's raw bits and the boxed values GraalWasm exchanges: i32 as {@link
 * Integer}, i64 as {@link Long}, f32 as {@link Float}, f64 as {@link Double}. Floats cross as raw
 * bits both ways ({@link Float#intBitsToFloat}, {@link Float#floatToRawIntBits}), which keeps NaN
 * payloads and -0.0.
 */
final class Values {
  /** The raw bits of a null reference, as Chicory spells them. */
  static final long NULL_REF = -1;

  private Values() {}

  static Object toGuest(ValType type, long bits, String where) {
    return switch (type) {
      case I32 -> (int) bits;
      case I64 -> bits;
      case F32 -> Float.intBitsToFloat((int) bits);
      case F64 -> Double.longBitsToDouble(bits);
      case FUNCREF, EXTERNREF -> {
        if (bits != NULL_REF) {
          throw new InitFailedException(where + ": only null references can be passed as raw bits");
        }
        yield null;
      }
      case V128 ->
          throw new InitFailedException(where + ": v128 values cannot be passed as one raw long");
    };
  }

  /** The bits of a value GraalWasm returned, in wisex's convention: 32-bit values zero-extended. */
  static long fromGuest(Value value, String where) {
    if (value == null || value.isNull()) {
      return NULL_REF;
    }
    Object boxed = value.as(Object.class);
    if (boxed instanceof Integer i) {
      return i & 0xFFFF_FFFFL;
    }
    if (boxed instanceof Long l) {
      return l;
    }
    if (boxed instanceof Float f) {
      return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }
    if (boxed instanceof Double d) {
      return Double.doubleToRawLongBits(d);
    }
    if (value.canExecute()) {
      return functionIndex(value);
    }
    throw new InitFailedException(
        where + ": GraalWasm returned " + value + ", which wisex cannot read as raw bits");
  }

  /** A host function's argument in wisex's convention, by its declared type. */
  static long fromGuest(ValType type, Value value, String where) {
    return switch (type) {
      case I32 -> value.asInt() & 0xFFFF_FFFFL;
      case I64 -> value.asLong();
      case F32 -> Float.floatToRawIntBits(value.asFloat()) & 0xFFFF_FFFFL;
      case F64 -> Double.doubleToRawLongBits(value.asDouble());
      case FUNCREF, EXTERNREF -> value.isNull() ? NULL_REF : fromGuest(value, where);
      case V128 ->
          throw new InitFailedException(where + ": v128 values cannot be passed as one raw long");
    };
  }

  // GraalWasm prints a function reference as `wasm-function:<index>`; that index is the most useful
  // opaque value wisex can hand out, and nothing interprets it.
  private static long functionIndex(Value function) {
    String text = function.toString();
    int colon = text.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Long.parseLong(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
