package dev.wisex.rewriter.instrument;

/**
 * One decoded instruction with what it does to the operand stack, as {@link HugeFunctionSplitter}
 * needs it: where it lies, how many values it pops and pushes, and the immediates a split rewrites
 * (labels, local indices) or types by (block types).
 *
 * @param start offset of its opcode
 * @param end offset just past its last immediate
 * @param kind what sort of instruction it is
 * @param pops values taken from the stack (for a block, loop or if: its parameters, plus the
 *     condition of an if)
 * @param pushes values left on the stack (for a block, loop or if: its results)
 * @param index the label of br and br_if, the local of local.get/set/tee, otherwise unused
 * @param labels br_table's labels, its default last; empty for every other instruction
 * @param blockParams a block, loop or if's parameter count
 */
record StackInstruction(
    int start, int end, Kind kind, int pops, int pushes, int index, int[] labels, int blockParams) {

  /** The instructions a split treats apart from plain computation. */
  enum Kind {
    PLAIN,
    BLOCK,
    LOOP,
    IF,
    ELSE,
    END,
    BR,
    BR_IF,
    BR_TABLE,
    RETURN,
    UNREACHABLE,
    LOCAL_GET,
    LOCAL_SET,
    LOCAL_TEE;

    /** Whether the stack is polymorphic after it: the code that follows is unreachable. */
    boolean endsFlow() {
      return this == BR || this == BR_TABLE || this == RETURN || this == UNREACHABLE;
    }

    boolean opensBlock() {
      return this == BLOCK || this == LOOP || this == IF;
    }

    boolean touchesLocal() {
      return this == LOCAL_GET || this == LOCAL_SET || this == LOCAL_TEE;
    }

    boolean writesLocal() {
      return this == LOCAL_SET || this == LOCAL_TEE;
    }
  }
}
