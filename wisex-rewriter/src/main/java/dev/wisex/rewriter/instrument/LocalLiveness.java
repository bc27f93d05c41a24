package dev.wisex.rewriter.instrument;

import dev.wisex.rewriter.instrument.StackInstruction.Kind;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Which locals of one function may still be read before they are written, at each instruction: the
 * backward data-flow problem over the body's control flow. A piece {@link FunctionSplitter} moves
 * out takes only the locals live where it starts and hands back only those it writes that are live
 * where it can continue; without this every local a piece touches would travel both ways, and a
 * switch's cases in a loop share most of them.
 */
final class LocalLiveness {
  private static final int[] NONE = new int[0];

  private final List<StackInstruction> code;

  /** Where each instruction may continue; {@code null} for the next one alone. */
  private final int[][] successors;

  private int[] blockStart;
  private int[] blockOf;
  private BitSet[] liveOut;

  /** For each block, loop or if: where a branch to its label goes. */
  private final int[] branchTarget;

  private LocalLiveness(List<StackInstruction> code) {
    this.code = code;
    int n = code.size();
    this.successors = new int[n][];
    this.branchTarget = new int[n];
  }

  /**
   * Solves the problem for {@code code}, a whole body up to and including its final end.
   *
   * @param code the instructions in order
   */
  static LocalLiveness of(List<StackInstruction> code) {
    LocalLiveness liveness = new LocalLiveness(code);
    liveness.linkControlFlow();
    liveness.solve();
    return liveness;
  }

  /**
   * The locals that may be read before written from just before instruction {@code index}: its
   * block's live-out set carried back to it. A new set, the caller's to change.
   */
  BitSet before(int index) {
    int b = blockOf[index];
    BitSet live = (BitSet) liveOut[b].clone();
    for (int k = blockStart[b + 1] - 1; k >= index; k--) {
      StackInstruction ins = code.get(k);
      if (ins.kind().writesLocal()) {
        live.clear(ins.index());
      } else if (ins.kind() == Kind.LOCAL_GET) {
        live.set(ins.index());
      }
    }
    return live;
  }

  /**
   * Where a branch from inside structured instruction {@code opener} (a block, loop or if, by
   * index) to its label continues: after a block's or if's end, at a loop's start.
   */
  int branchTarget(int opener) {
    return branchTarget[opener];
  }

  private void linkControlFlow() {
    int n = code.size();
    int[] match = new int[n]; // opener -> its end; else -> its end
    int[] elseOf = new int[n];
    Arrays.fill(elseOf, -1);
    Deque<Integer> open = new ArrayDeque<>();
    for (int k = 0; k < n; k++) {
      Kind kind = code.get(k).kind();
      if (kind.opensBlock()) {
        open.push(k);
      } else if (kind == Kind.ELSE) {
        elseOf[open.peek()] = k;
      } else if (kind == Kind.END && !open.isEmpty()) {
        int opener = open.pop();
        match[opener] = k;
        if (elseOf[opener] >= 0) {
          match[elseOf[opener]] = k;
        }
        branchTarget[opener] = code.get(opener).kind() == Kind.LOOP ? opener : k;
      }
    }
    // The label stack at each instruction, innermost first, as openers; -1 is the function.
    int[] stack = new int[n + 1];
    int depth = 0;
    stack[depth++] = -1;
    for (int k = 0; k < n; k++) {
      StackInstruction ins = code.get(k);
      successors[k] =
          switch (ins.kind()) {
            case BR -> target(stack, depth, ins.index());
            case BR_IF -> concat(k + 1, target(stack, depth, ins.index()));
            case BR_TABLE -> {
              int[] all = NONE;
              for (int l : ins.labels()) {
                all = concat(all, target(stack, depth, l));
              }
              yield all;
            }
            case RETURN, UNREACHABLE -> NONE;
            case IF -> new int[] {k + 1, elseOf[k] >= 0 ? elseOf[k] + 1 : match[k]};
            case ELSE -> new int[] {match[k]};
            case END -> k == n - 1 ? NONE : null;
            default -> null; // the next instruction: most of them, so no array
          };
      if (ins.kind().opensBlock()) {
        stack[depth++] = k;
      } else if (ins.kind() == Kind.END) {
        depth--;
      }
    }
  }

  private int[] target(int[] stack, int depth, int label) {
    int opener = stack[depth - 1 - label];
    return opener < 0 ? NONE : new int[] {branchTarget[opener]};
  }

  private static int[] concat(int first, int[] rest) {
    int[] all = new int[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * Backward sweeps over basic blocks until nothing changes (loops need one more sweep per nesting
   * level). Each block is summarized by the locals it reads before writing and those it writes.
   */
  private void solve() {
    int n = code.size();
    boolean[] leader = new boolean[n + 1];
    leader[0] = true;
    leader[n] = true;
    for (int k = 0; k < n; k++) {
      int[] next = successors[k];
      if (next != null) {
        leader[k + 1] = true;
        for (int s : next) {
          leader[s] = true;
        }
      }
    }
    int blocks = 0;
    for (int k = 0; k < n; k++) {
      if (leader[k]) {
        blocks++;
      }
    }
    blockStart = new int[blocks + 1];
    blockOf = new int[n];
    int b = -1;
    for (int k = 0; k < n; k++) {
      if (leader[k]) {
        blockStart[++b] = k;
      }
      blockOf[k] = b;
    }
    blockStart[blocks] = n;
    BitSet[] gen = new BitSet[blocks];
    BitSet[] kill = new BitSet[blocks];
    int[][] next = new int[blocks][];
    for (b = 0; b < blocks; b++) {
      gen[b] = new BitSet();
      kill[b] = new BitSet();
      for (int k = blockStart[b]; k < blockStart[b + 1]; k++) {
        StackInstruction ins = code.get(k);
        if (ins.kind() == Kind.LOCAL_GET && !kill[b].get(ins.index())) {
          gen[b].set(ins.index());
        } else if (ins.kind().writesLocal()) {
          kill[b].set(ins.index());
        }
      }
      int last = blockStart[b + 1] - 1;
      int[] after = successors[last] == null ? new int[] {last + 1} : successors[last];
      next[b] = new int[after.length];
      for (int i = 0; i < after.length; i++) {
        next[b][i] = blockOf[after[i]];
      }
    }
    liveOut = new BitSet[blocks];
    BitSet[] in = new BitSet[blocks];
    for (b = 0; b < blocks; b++) {
      liveOut[b] = new BitSet();
      in[b] = (BitSet) gen[b].clone();
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (b = blocks - 1; b >= 0; b--) {
        BitSet out = liveOut[b];
        for (int s : next[b]) {
          out.or(in[s]); // sets only grow
        }
        BitSet live = (BitSet) out.clone();
        live.andNot(kill[b]);
        live.or(gen[b]);
        if (!live.equals(in[b])) {
          in[b] = live;
          changed = true;
        }
      }
    }
  }
}
