package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.instrument.StackInstruction.Kind;
import dev.wisex.rewriter.instrument.StackInstructionReader.Unsupported;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Splits one function body into pieces no larger than a limit by moving runs of whole statements
 * (instructions between two points where its block's operand stack is empty) into new functions,
 * called in their place. Bottom-up: a block's contents are split before the block is weighed as a
 * part of the one around it.
 *
 * <p>A moved run takes as parameters the locals it touches that are live where it starts, and hands
 * back as results those it writes that are live where it can continue ({@link LocalLiveness}); a
 * branch out of it, or a {@code return}, becomes a code it returns, which a {@code br_table} after
 * the call turns back into the branch. For a run inside a loop that ends with a branch to the loop:
 *
 * <pre>
 * (loop $next ... (local.set $x (i32.const 1)) (br $next))
 * ;; becomes
 * (loop $next ... (call $piece (local.get $x)) (local.set $x) (local.set $code)
 *   (block $fall (br_table $fall $next (local.get $code))) unreachable)
 * (func $piece (param $x i32) (result i32 i32) (local $code i32)
 *   (block $exit (block $to_next (local.set $x (i32.const 1)) (br $to_next)
 *       (local.set $code (i32.const 0)) (br $exit))
 *     (local.set $code (i32.const 1)))
 *   (local.get $code) (local.get $x))
 * </pre>
 */
final class FunctionSplitter {
  private static final int MAX_NESTING = 1_000;
  private static final int MAX_LOCALS = 50_000;

  /** Instructions times locals: the liveness sets' size (sqlite3VdbeExec: ~20,000 x ~300). */
  private static final long MAX_LIVENESS_BITS = 400_000_000L;

  private static final BitSet NONE = new BitSet();

  /**
   * What a split aims at.
   *
   * @param blockBytes a block's contents larger than this, in bytes of Wasm code, are split
   * @param pieceBytes the largest run moved into one piece
   * @param minPieceBytes the smallest run worth a call
   * @param maxParameterSlots the JVM argument slots a piece may take (i64 and f64 take two)
   * @param maxExits the distinct labels outside a run it may branch to
   */
  record Limits(
      int blockBytes, int pieceBytes, int minPieceBytes, int maxParameterSlots, int maxExits) {}

  /** A new function: its type's encoding and its body (locals and code). */
  record Piece(byte[] type, byte[] body) {}

  /** One label around the code being split: how many values a branch to it carries. */
  private record Label(int arity, boolean function, int opener) {}

  /** A unit of one block's contents: an instruction, a whole block, or a call to a piece. */
  private record Item(
      byte[] code,
      int pops,
      int pushes,
      boolean endsFlow,
      BitSet locals,
      BitSet exits,
      int first,
      int last) {}

  /** One block's contents after splitting, and the locals they refer to. */
  private record Contents(byte[] code, BitSet locals, BitSet exits) {}

  private final WasmModule module;
  private final StackInstructionReader reader;
  private final Limits limits;

  /** The index the next new function gets in the module (those of earlier splits counted). */
  private final IntSupplier nextFunction;

  private final List<Piece> made = new ArrayList<>();
  private final byte[] in;
  private int[] localTypes;
  private int resultCount;
  private int codeLocal;
  private int[] resultLocals;
  private List<StackInstruction> code;
  private LocalLiveness liveness;

  FunctionSplitter(WasmModule module, Limits limits, IntSupplier nextFunction) {
    this.module = module;
    this.reader = new StackInstructionReader(module);
    this.limits = limits;
    this.nextFunction = nextFunction;
    this.in = module.bytes();
  }

  /**
   * The body (locals and code, no size prefix) of defined function {@code defined} split, or {@code
   * null} if it needs no split or holds something this class does not model.
   */
  byte[] split(int defined) {
    FunctionBody body = module.bodies().get(defined);
    FunctionType type = module.functionType(module.importCount(ExternalKind.FUNCTION) + defined);
    try {
      ByteReader locals = new ByteReader(in, body.start(), body.end());
      List<int[]> groups = localGroups(locals, type);
      int codeStart = locals.position();
      resultCount = type.results().size();
      codeLocal = localTypes.length - 1 - resultCount;
      resultLocals = new int[resultCount];
      for (int r = 0; r < resultCount; r++) {
        resultLocals[r] = codeLocal + 1 + r;
      }
      made.clear();
      code = new ArrayList<>();
      for (int at = codeStart; at < body.end(); ) {
        StackInstruction ins = reader.read(in, at, body.end());
        code.add(ins);
        at = ins.end();
      }
      if ((long) code.size() * localTypes.length > MAX_LIVENESS_BITS) {
        throw new Unsupported("too large to analyse");
      }
      liveness = LocalLiveness.of(code);
      int[] pos = {0};
      List<Label> labels = new ArrayList<>();
      labels.add(new Label(resultCount, true, -1));
      byte[] split = sequence(pos, labels, 0).code();
      if (made.isEmpty()) {
        return null;
      }
      ByteWriter out = new ByteWriter(split.length + 32);
      out.u32(groups.size() + 1 + resultCount);
      for (int[] g : groups) {
        out.u32(g[0]).u8(g[1]);
      }
      out.u32(1).u8(0x7F);
      for (int r = 0; r < resultCount; r++) {
        out.u32(1).u8(localTypes[resultLocals[r]]);
      }
      return out.bytes(split).u8(0x0B).toByteArray();
    } catch (RuntimeException e) {
      // Unsupported, or code no engine would accept (init runs before the engine validates it): the
      // function stays as it is, and the engine's validation names what is wrong with it.
      return null;
    }
  }

  /**
   * The new functions the last {@link #split} that returned a body made, in index order; they go
   * into the module only with that body, so a function left whole leaves no piece behind.
   */
  List<Piece> pieces() {
    return List.copyOf(made);
  }

  /** Reads the local declarations, filling {@link #localTypes} (plus the split's own locals). */
  private List<int[]> localGroups(ByteReader locals, FunctionType type) {
    int groupCount = locals.u32Length("local declaration count");
    List<int[]> groups = new ArrayList<>();
    long total = type.params().size();
    for (int g = 0; g < groupCount; g++) {
      int count = locals.u32("local count");
      int code = locals.u8("local type");
      total += Integer.toUnsignedLong(count);
      if (!StackInstructionReader.isValueType(code) || total > MAX_LOCALS) {
        throw new Unsupported("locals");
      }
      groups.add(new int[] {count, code});
    }
    int[] types = new int[(int) total + 1 + type.results().size()];
    int i = 0;
    for (ValueType p : type.params()) {
      types[i++] = code(p);
    }
    for (int[] g : groups) {
      for (int k = 0; k < g[0]; k++) {
        types[i++] = g[1];
      }
    }
    types[i++] = 0x7F; // the code a piece returns
    for (ValueType r : type.results()) {
      types[i++] = code(r);
    }
    localTypes = types;
    return groups;
  }

  private static int code(ValueType type) {
    int code = type.code();
    if (!StackInstructionReader.isValueType(code)) {
      throw new Unsupported("type " + type);
    }
    return code;
  }

  /**
   * Reads the contents of one block from {@code pos[0]} up to its {@code else} or {@code end} (left
   * unread), splitting them if they are too large, and returns their code.
   */
  private Contents sequence(int[] pos, List<Label> labels, int params) {
    if (labels.size() > MAX_NESTING) {
      throw new Unsupported("nesting");
    }
    List<Item> items = new ArrayList<>();
    long total = 0;
    while (true) {
      StackInstruction ins = code.get(pos[0]);
      if (ins.kind() == Kind.ELSE || ins.kind() == Kind.END) {
        break;
      }
      Item item = ins.kind().opensBlock() ? block(pos, labels) : plain(pos[0], labels);
      pos[0] = item.last() + 1;
      items.add(item);
      total += item.code().length;
    }
    if (total > limits.blockBytes()) {
      items = splitItems(items, labels, params);
    }
    BitSet locals = new BitSet();
    BitSet exits = new BitSet();
    for (Item item : items) {
      locals.or(item.locals());
      exits.or(item.exits());
    }
    return new Contents(concat(items, 0, items.size()), locals, exits);
  }

  private Item plain(int index, List<Label> labels) {
    StackInstruction ins = code.get(index);
    byte[] bytes = Arrays.copyOfRange(in, ins.start(), ins.end());
    BitSet locals = NONE;
    if (ins.kind().touchesLocal()) {
      locals = new BitSet();
      locals.set(ins.index());
    }
    BitSet exits = NONE;
    switch (ins.kind()) {
      case BR, BR_IF -> {
        exits = new BitSet();
        exits.set(labels.size() - 1 - ins.index());
      }
      case BR_TABLE -> {
        exits = new BitSet();
        for (int l : ins.labels()) {
          exits.set(labels.size() - 1 - l);
        }
      }
      case RETURN -> {
        exits = new BitSet();
        exits.set(0);
      }
      default -> {}
    }
    return new Item(
        bytes, ins.pops(), ins.pushes(), ins.kind().endsFlow(), locals, exits, index, index);
  }

  private Item block(int[] pos, List<Label> labels) {
    int first = pos[0];
    StackInstruction open = code.get(first);
    int params = open.blockParams();
    int results = open.pushes();
    labels.add(new Label(open.kind() == Kind.LOOP ? params : results, false, first));
    ByteWriter out = new ByteWriter();
    out.bytes(in, open.start(), open.end() - open.start());
    pos[0] = first + 1;
    Contents contents = sequence(pos, labels, params);
    out.bytes(contents.code());
    BitSet locals = contents.locals();
    BitSet exits = contents.exits();
    if (code.get(pos[0]).kind() == Kind.ELSE) {
      out.u8(0x05);
      pos[0]++;
      Contents otherwise = sequence(pos, labels, params);
      out.bytes(otherwise.code());
      locals.or(otherwise.locals());
      exits.or(otherwise.exits());
    }
    out.u8(0x0B); // code.get(pos[0]) is the end
    exits.clear(labels.size() - 1);
    labels.remove(labels.size() - 1);
    return new Item(out.toByteArray(), open.pops(), results, false, locals, exits, first, pos[0]);
  }

  /**
   * Replaces runs of items with calls: greedily, from the first point where the block's stack is
   * empty, the longest run that fits a piece and ends where the stack is empty again (or cannot be
   * reached).
   */
  private List<Item> splitItems(List<Item> items, List<Label> labels, int params) {
    int n = items.size();
    int unreachable = -1;
    int[] height = new int[n + 1];
    height[0] = params;
    for (int k = 0; k < n; k++) {
      Item item = items.get(k);
      if (height[k] == unreachable || item.endsFlow()) {
        height[k + 1] = unreachable;
      } else {
        height[k + 1] = height[k] - item.pops() + item.pushes();
      }
    }
    List<Item> out = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (height[i] != 0) {
        out.add(items.get(i++));
        continue;
      }
      int best = -1;
      long size = 0;
      BitSet locals = new BitSet();
      BitSet exits = new BitSet();
      for (int j = i + 1; j <= n; j++) {
        Item item = items.get(j - 1);
        size += item.code().length;
        locals.or(item.locals());
        exits.or(item.exits());
        if (size > limits.pieceBytes()
            || slots(locals) > limits.maxParameterSlots()
            || exits.cardinality() > limits.maxExits()) {
          break;
        }
        if (height[j] == 0 || height[j] == unreachable) {
          best = j;
        }
      }
      Item call = null;
      if (best > 0 && sizeOf(items, i, best) >= limits.minPieceBytes()) {
        call = outline(items, i, best, labels, height[best] == unreachable);
      }
      if (call != null) {
        out.add(call);
        i = best;
      } else {
        out.add(items.get(i++));
      }
    }
    return out;
  }

  private int slots(BitSet locals) {
    int slots = 0;
    for (int l = locals.nextSetBit(0); l >= 0; l = locals.nextSetBit(l + 1)) {
      slots += localTypes[l] == 0x7E || localTypes[l] == 0x7C ? 2 : 1;
    }
    return slots;
  }

  private static long sizeOf(List<Item> items, int from, int to) {
    long size = 0;
    for (int k = from; k < to; k++) {
      size += items.get(k).code().length;
    }
    return size;
  }

  private static byte[] concat(List<Item> items, int from, int to) {
    ByteWriter out = new ByteWriter((int) Math.min(Integer.MAX_VALUE - 8, sizeOf(items, from, to)));
    for (int k = from; k < to; k++) {
      out.bytes(items.get(k).code());
    }
    return out.toByteArray();
  }

  /**
   * Moves items {@code [from, to)} into a new function and returns the call that replaces them, or
   * {@code null} if they branch somewhere a code cannot stand for (a label that carries values).
   */
  private Item outline(
      List<Item> items, int from, int to, List<Label> labels, boolean noFallThrough) {
    byte[] region = concat(items, from, to);
    int first = items.get(from).first();
    int last = items.get(to - 1).last();
    // The labels outside the region it branches to, each numbered 1.. in order of appearance.
    Map<Integer, Integer> exits = new LinkedHashMap<>();
    boolean returns = false;
    BitSet touched = new BitSet();
    BitSet written = new BitSet();
    BitSet liveAfter = liveness.before(last + 1);
    List<StackInstruction> instructions = new ArrayList<>();
    int depth = 0;
    int at = 0;
    while (at < region.length) {
      StackInstruction ins = reader.read(region, at, region.length);
      instructions.add(ins);
      at = ins.end();
      switch (ins.kind()) {
        case BLOCK, LOOP, IF -> depth++;
        case END -> depth--;
        case RETURN -> returns = true;
        case BR, BR_IF, BR_TABLE -> {
          int[] targets = ins.kind() == Kind.BR_TABLE ? ins.labels() : new int[] {ins.index()};
          for (int l : targets) {
            if (l < depth) {
              continue;
            }
            Label label = labels.get(labels.size() - 1 - (l - depth));
            if (label.function()) {
              if (resultCount > 0 && ins.kind() != Kind.BR) {
                return null;
              }
              returns = true;
            } else if (label.arity() != 0) {
              return null;
            } else if (exits.putIfAbsent(l - depth, exits.size() + 1) == null) {
              liveAfter.or(liveness.before(liveness.branchTarget(label.opener())));
            }
          }
        }
        case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
          touched.set(ins.index());
          if (ins.kind().writesLocal()) {
            written.set(ins.index());
          }
        }
        default -> {}
      }
    }
    int exitCount = exits.size();
    boolean coded = exitCount > 0 || returns;
    // In: the locals it reads before writing; out: those it writes that are read after it.
    BitSet in = (BitSet) touched.clone();
    in.and(liveness.before(first));
    written.and(liveAfter);
    int[] params = in.stream().toArray();
    int[] results = written.stream().toArray();
    BitSet own = (BitSet) touched.clone();
    own.andNot(in);
    int[] declared = own.stream().toArray();
    Map<Integer, Integer> toPiece = new HashMap<>();
    for (int p = 0; p < params.length; p++) {
      toPiece.put(params[p], p);
    }
    for (int d = 0; d < declared.length; d++) {
      toPiece.put(declared[d], params.length + d);
    }
    int pieceCode = params.length + declared.length;
    int[] pieceResults = new int[resultCount];
    for (int r = 0; r < resultCount; r++) {
      pieceResults[r] = pieceCode + 1 + r;
    }

    ByteWriter type = new ByteWriter();
    type.u8(0x60).u32(params.length);
    for (int p : params) {
      type.u8(localTypes[p]);
    }
    int resultTotal = (coded ? 1 : 0) + results.length + (returns ? resultCount : 0);
    type.u32(resultTotal);
    if (coded) {
      type.u8(0x7F);
    }
    for (int w : results) {
      type.u8(localTypes[w]);
    }
    if (returns) {
      for (int r : resultLocals) {
        type.u8(localTypes[r]);
      }
    }

    ByteWriter body = new ByteWriter(region.length + 64);
    body.u32(declared.length + 1 + resultCount);
    for (int d : declared) {
      body.u32(1).u8(localTypes[d]);
    }
    body.u32(1).u8(0x7F); // the code
    for (int r : resultLocals) {
      body.u32(1).u8(localTypes[r]);
    }
    int ret = returns ? 1 : 0;
    if (coded) {
      body.u8(0x02).u8(0x40); // $exit
      if (returns) {
        body.u8(0x02).u8(0x40); // $ret
      }
      for (int k = 0; k < exitCount; k++) {
        body.u8(0x02).u8(0x40); // $exit_K outermost .. $exit_1 innermost
      }
    }
    rewriteRegion(region, instructions, body, toPiece, exits, exitCount, pieceResults);
    if (coded) {
      body.u8(0x41).s32(0).u8(0x21).u32(pieceCode).u8(0x0C).u32(exitCount + ret);
      for (int k = 1; k <= exitCount; k++) {
        body.u8(0x0B);
        body.u8(0x41).s32(k).u8(0x21).u32(pieceCode).u8(0x0C).u32(exitCount - k + ret);
      }
      if (returns) {
        body.u8(0x0B);
        body.u8(0x41).s32(exitCount + 1).u8(0x21).u32(pieceCode);
      }
      body.u8(0x0B); // $exit
      body.u8(0x20).u32(pieceCode);
    }
    for (int w : results) {
      body.u8(0x20).u32(toPiece.get(w));
    }
    if (returns) {
      for (int r : pieceResults) {
        body.u8(0x20).u32(r);
      }
    }
    body.u8(0x0B);
    int function = nextFunction.getAsInt() + made.size();
    made.add(new Piece(type.toByteArray(), body.toByteArray()));
    reader.addFunction(function, params.length, resultTotal);

    ByteWriter call = new ByteWriter(64);
    for (int p : params) {
      call.u8(0x20).u32(p);
    }
    call.u8(0x10).u32(function);
    if (returns) {
      for (int r = resultCount - 1; r >= 0; r--) {
        call.u8(0x21).u32(resultLocals[r]);
      }
    }
    for (int w = results.length - 1; w >= 0; w--) {
      call.u8(0x21).u32(results[w]);
    }
    BitSet locals = new BitSet();
    locals.or(in);
    locals.or(written);
    if (coded) {
      call.u8(0x21).u32(codeLocal);
      locals.set(codeLocal);
      call.u8(0x02).u8(0x40); // $fall
      if (returns) {
        call.u8(0x02).u8(0x40); // $ret
      }
      call.u8(0x20).u32(codeLocal);
      call.u8(0x0E).u32(exitCount + 1 + ret);
      call.u32(ret); // 0: fall through
      for (int outer : exits.keySet()) {
        call.u32(outer + 1 + ret);
      }
      if (returns) {
        call.u32(0);
      }
      call.u32(ret); // default
      if (returns) {
        call.u8(0x0B);
        for (int r : resultLocals) {
          call.u8(0x20).u32(r);
          locals.set(r);
        }
        call.u8(0x0F);
      }
      call.u8(0x0B);
    }
    if (noFallThrough) {
      call.u8(0x00);
    }
    BitSet exitsOut = new BitSet();
    for (int k = from; k < to; k++) {
      exitsOut.or(items.get(k).exits());
    }
    return new Item(call.toByteArray(), 0, 0, noFallThrough, locals, exitsOut, first, last);
  }

  /** Writes the region's code into a piece: its locals, branches out and returns renumbered. */
  private void rewriteRegion(
      byte[] region,
      List<StackInstruction> instructions,
      ByteWriter out,
      Map<Integer, Integer> toPiece,
      Map<Integer, Integer> exits,
      int exitCount,
      int[] pieceResults) {
    int depth = 0;
    for (StackInstruction ins : instructions) {
      int at = ins.start();
      switch (ins.kind()) {
        case BLOCK, LOOP, IF -> {
          depth++;
          out.bytes(region, at, ins.end() - at);
        }
        case END -> {
          depth--;
          out.bytes(region, at, ins.end() - at);
        }
        case LOCAL_GET, LOCAL_SET, LOCAL_TEE ->
            out.u8(region[at] & 0xFF).u32(toPiece.get(ins.index()));
        case RETURN -> returnFromPiece(out, depth, exitCount, pieceResults);
        case BR, BR_IF -> {
          int l = ins.index();
          if (l >= depth && ins.kind() == Kind.BR && isFunctionLabel(l - depth, exits)) {
            returnFromPiece(out, depth, exitCount, pieceResults);
          } else {
            out.u8(region[at] & 0xFF).u32(target(l, depth, exits, exitCount));
          }
        }
        case BR_TABLE -> {
          int[] labels = ins.labels();
          out.u8(0x0E).u32(labels.length - 1);
          for (int l : labels) {
            out.u32(target(l, depth, exits, exitCount));
          }
        }
        default -> out.bytes(region, at, ins.end() - at);
      }
    }
  }

  private static boolean isFunctionLabel(int outer, Map<Integer, Integer> exits) {
    return !exits.containsKey(outer);
  }

  /** A branch's label inside the piece: unchanged inside the region, else its exit block. */
  private static int target(int label, int depth, Map<Integer, Integer> exits, int exitCount) {
    if (label < depth) {
      return label;
    }
    Integer exit = exits.get(label - depth);
    // An exit k is block k-1 around the region; a branch to the function label returns.
    return depth + (exit == null ? exitCount : exit - 1);
  }

  private void returnFromPiece(ByteWriter out, int depth, int exitCount, int[] pieceResults) {
    for (int r = pieceResults.length - 1; r >= 0; r--) {
      out.u8(0x21).u32(pieceResults[r]);
    }
    out.u8(0x0C).u32(depth + exitCount);
  }
}
