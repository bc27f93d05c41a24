package dev.wisex.parser.analysis;

/**
 * Immediate layout of every {@code 0xFD} subopcode (SIMD 128 and relaxed SIMD), as one table lookup
 * so the decoder never branches on individual SIMD opcodes. Gaps in the official numbering are
 * {@link #INVALID}, so an opcode from a renumbered draft, or one never assigned, is an error rather
 * than a silent misread.
 */
final class SimdOpcodes {
  static final byte NONE = 0;
  static final byte MEMARG = 1;
  static final byte MEMARG_LANE = 2;
  static final byte LANE = 3;
  static final byte BYTES16 = 4;
  static final byte INVALID = 5;

  /** Last relaxed-SIMD opcode ({@code i32x4.relaxed_dot_i8x16_i7x16_add_s}). */
  private static final int LAST = 0x113;

  /**
   * Holes in the final SIMD opcode space (0x00–0xFF); everything up to {@link #LAST} else is
   * assigned.
   */
  private static final int[] UNASSIGNED = {
    0x9A, 0xA2, 0xA5, 0xA6, 0xAF, 0xB0, 0xB2, 0xB3, 0xB4, 0xBB, 0xC2, 0xC5, 0xC6, 0xCF, 0xD0, 0xD2,
    0xD3, 0xD4, 0xE2, 0xEE
  };

  private static final byte[] KINDS = new byte[LAST + 1];

  static {
    fill(0x00, 0x0B, MEMARG); // v128.load … v128.load64_splat, v128.store
    fill(0x0C, 0x0D, BYTES16); // v128.const, i8x16.shuffle
    fill(0x15, 0x22, LANE); // extract_lane / replace_lane
    fill(0x54, 0x5B, MEMARG_LANE); // v128.load*_lane / v128.store*_lane
    fill(0x5C, 0x5D, MEMARG); // v128.load32_zero, v128.load64_zero
    for (int op : UNASSIGNED) {
      KINDS[op] = INVALID;
    }
  }

  private SimdOpcodes() {}

  private static void fill(int from, int to, byte kind) {
    for (int op = from; op <= to; op++) {
      KINDS[op] = kind;
    }
  }

  /** The immediate kind of subopcode {@code op} (read as an unsigned u32). */
  static byte kind(int op) {
    return Integer.compareUnsigned(op, LAST) <= 0 ? KINDS[op] : INVALID;
  }
}
