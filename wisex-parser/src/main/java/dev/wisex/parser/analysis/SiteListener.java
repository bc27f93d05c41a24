package dev.wisex.parser.analysis;

/**
 * Receives the places where an instrumentation pass inserts or replaces code, as the decoder passes
 * them. Offsets are absolute positions in the module's bytes. Every kind of place is ignored unless
 * a listener overrides it, so each pass names only the places it edits.
 */
interface SiteListener {
  SiteListener NONE = new SiteListener() {};

  /** A {@code loop}'s body starts at {@code offset} (just past its block type). */
  default void loopBody(int offset) {}

  /** A {@code memory.grow} of {@code memory} occupies {@code [start, end)}. */
  default void memoryGrow(int start, int end, int memory) {}

  /**
   * A {@code return_call} of function {@code callee} occupies {@code [start, end)}, inside {@code
   * depth} blocks of its body.
   */
  default void returnCall(int start, int end, int callee, int depth) {}

  /**
   * A numeric or SIMD instruction occupies {@code [start, end)}; {@code opcode} as {@link
   * InstructionSites} numbers it.
   */
  default void computation(int start, int end, int opcode) {}

  /**
   * A load or store (plain or SIMD; {@code opcode} as {@link InstructionSites} numbers it) starts
   * at {@code start}, with {@code memarg}.
   */
  default void memoryAccess(int start, int opcode, MemArg memarg) {}

  /** A {@code ref.func} of {@code function}. */
  default void refFunc(int function) {}
}
