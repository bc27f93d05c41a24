package dev.wisex.parser.analysis;

/**
 * Immediate layout of the {@code 0xFE} (threads) subopcodes. Every atomic access carries a memarg;
 * only {@code atomic.fence} differs, with a reserved zero byte kept for a future memory-order
 * operand.
 */
final class AtomicOpcodes {
  static final byte MEMARG = 0;
  static final byte FENCE = 1;
  static final byte INVALID = 2;

  private static final int FENCE_OP = 0x03;
  private static final int FIRST_ACCESS = 0x10;
  private static final int LAST_ACCESS = 0x4E;

  private AtomicOpcodes() {}

  /** The immediate kind of subopcode {@code op} (read as an unsigned u32). */
  static byte kind(int op) {
    if (op >= 0 && op <= 0x02 || op >= FIRST_ACCESS && op <= LAST_ACCESS) {
      return MEMARG; // notify/wait32/wait64, then loads, stores and read-modify-writes
    }
    return op == FENCE_OP ? FENCE : INVALID;
  }
}
