package dev.wisex.parser;

import dev.wisex.api.MalformedModuleException;

/**
 * Reads and writes constant expressions (global initializers, segment offsets). Reading keeps exact
 * bytes; writing produces the one-instruction forms the rewrite needs.
 */
public final class ConstExpr {
  private static final int END = 0x0B;

  private ConstExpr() {}

  /**
   * Adds to {@code functions} each function a well-formed constant expression ({@code expr}, as
   * {@link #read} returns it) names with {@code ref.func}.
   */
  public static void refFuncs(byte[] expr, java.util.BitSet functions) {
    ByteReader in = new ByteReader(expr, 0, expr.length);
    while (in.remaining() > 0) {
      int op = in.u8("constant expression");
      switch (op) {
        case END -> {
          return;
        }
        case 0x41 -> in.s32("i32.const");
        case 0x42 -> in.s64("i64.const");
        case 0x43 -> in.skip(4, "f32.const");
        case 0x44 -> in.skip(8, "f64.const");
        case 0x23 -> in.u32("global.get");
        case 0xD0 -> in.s33("ref.null");
        case 0xD2 -> functions.set(in.u32("ref.func"));
        case 0xFD -> {
          in.u32("SIMD opcode");
          in.skip(16, "v128.const");
        }
        default -> {
          // extended-const arithmetic (no immediates); GC forms name no function
          if (op == 0xFB) {
            return;
          }
        }
      }
    }
  }

  /** Reads a constant expression up to and including its {@code end}, returning its exact bytes. */
  static byte[] read(ByteReader in, byte[] module, String what) {
    int start = in.position();
    while (true) {
      int opStart = in.position();
      int op = in.u8(what);
      switch (op) {
        case END -> {
          byte[] expr = new byte[in.position() - start];
          System.arraycopy(module, start, expr, 0, expr.length);
          return expr;
        }
        case 0x41 -> in.s32("i32.const in " + what);
        case 0x42 -> in.s64("i64.const in " + what);
        case 0x43 -> in.skip(4, "f32.const in " + what);
        case 0x44 -> in.skip(8, "f64.const in " + what);
        case 0x23 -> in.u32("global.get in " + what);
        case 0xD0 -> in.s33("ref.null in " + what);
        case 0xD2 -> in.u32("ref.func in " + what);
        case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {
          // extended-const arithmetic: no immediates
        }
        case 0xFD -> {
          int sub = in.u32("SIMD opcode in " + what);
          if (sub != 12) {
            throw new MalformedModuleException(
                "SIMD instruction "
                    + sub
                    + " is not constant in "
                    + what
                    + " at offset "
                    + opStart);
          }
          in.skip(16, "v128.const in " + what);
        }
        case 0xFB -> readGcConst(in, what, opStart);
        default ->
            throw new MalformedModuleException(
                "instruction 0x"
                    + Integer.toHexString(op)
                    + " is not constant in "
                    + what
                    + " at offset "
                    + opStart);
      }
    }
  }

  private static void readGcConst(ByteReader in, String what, int opStart) {
    int sub = in.u32("GC opcode in " + what);
    switch (sub) {
      case 0, 1, 6, 7 ->
          in.u32("type index in " + what); // struct.new(_default), array.new(_default)
      case 8 -> { // array.new_fixed
        in.u32("type index in " + what);
        in.u32("length in " + what);
      }
      case 26, 27, 28, 29, 30 -> {
        // any.convert_extern, extern.convert_any, ref.i31, i31.get_s/u
      }
      default ->
          throw new MalformedModuleException(
              "GC instruction " + sub + " is not constant in " + what + " at offset " + opStart);
    }
  }

  /** {@code i32.const v; end}. */
  public static byte[] i32(int value) {
    return new ByteWriter(8).u8(0x41).s32(value).u8(END).toByteArray();
  }

  /** {@code i64.const v; end}. */
  public static byte[] i64(long value) {
    return new ByteWriter(12).u8(0x42).s64(value).u8(END).toByteArray();
  }

  /** {@code f32.const} with exact bits (NaN payloads survive). */
  public static byte[] f32Bits(int bits) {
    return new ByteWriter(6).u8(0x43).fixed32(bits).u8(END).toByteArray();
  }

  /** {@code f64.const} with exact bits (NaN payloads survive). */
  public static byte[] f64Bits(long bits) {
    return new ByteWriter(10).u8(0x44).fixed64(bits).u8(END).toByteArray();
  }

  /** {@code v128.const} from two little-endian halves. */
  public static byte[] v128(long low, long high) {
    return new ByteWriter(20).u8(0xFD).u32(12).fixed64(low).fixed64(high).u8(END).toByteArray();
  }

  /**
   * An address constant of the memory's width: {@code i32.const} or, for memory64, {@code
   * i64.const}.
   */
  public static byte[] address(long address, boolean memory64) {
    return memory64 ? i64(address) : i32((int) address);
  }
}
