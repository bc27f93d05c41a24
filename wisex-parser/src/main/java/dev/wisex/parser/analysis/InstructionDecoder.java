package dev.wisex.parser.analysis;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.Interruption;
import dev.wisex.parser.WasmModule;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Walks one body's instruction sequence, consuming every immediate so the next opcode is found
 * exactly, and records what each instruction implies in a {@link FeatureAccumulator}. It tracks
 * only block depth, not block kinds: enough to find the body's final {@code end}, while type
 * checking stays the validator's job.
 */
final class InstructionDecoder {
  private static final int FIRST_NUMERIC = 0x45; // i32.eqz
  private static final int LAST_NUMERIC = 0xC4; // i64.extend32_s

  private final FeatureAccumulator features;
  private final TypeDecoder types;
  private final int dataSegments;

  /**
   * Float {@code min}, {@code max}, {@code ceil}, {@code floor}, {@code trunc}, {@code nearest}:
   * {@code f32} 0x8D-0x90 and 0x96-0x97, {@code f64} 0x9B-0x9E and 0xA4-0xA5.
   */
  private static final BitSet FLOAT_ROUNDING =
      opcodes(0x8D, 0x8E, 0x8F, 0x90, 0x96, 0x97, 0x9B, 0x9C, 0x9D, 0x9E, 0xA4, 0xA5);

  /**
   * Their SIMD forms, by sub-opcode: {@code f32x4} ceil..nearest 0x67-0x6A, {@code f64x2}
   * ceil/floor 0x74-0x75, trunc 0x7A, nearest 0x94, {@code f32x4} min/max/pmin/pmax 0xE8-0xEB,
   * {@code f64x2} 0xF4-0xF7, and the relaxed min/max 0x10D-0x110.
   */
  private static final BitSet SIMD_FLOAT_ROUNDING =
      opcodes(
          0x67, 0x68, 0x69, 0x6A, 0x74, 0x75, 0x7A, 0x94, 0xE8, 0xE9, 0xEA, 0xEB, 0xF4, 0xF5, 0xF6,
          0xF7, 0x10D, 0x10E, 0x10F, 0x110);

  private static BitSet opcodes(int... codes) {
    BitSet set = new BitSet();
    for (int code : codes) {
      set.set(code);
    }
    return set;
  }

  private SiteListener sites = SiteListener.NONE;

  /**
   * Decodes each defined function's body of {@code module} (past its local declarations), reporting
   * its sites to the listener {@code listenerFor} gives for its index: the loop every scan of the
   * code shares ({@link CodeScanner#scan} and the site scans).
   *
   * @return what the decoded bodies use
   * @throws MalformedModuleException as {@link CodeScanner#scan} says, naming the function
   */
  static CodeFeatures decodeBodies(WasmModule module, IntFunction<SiteListener> listenerFor) {
    return decodeBodies(module, null, listenerFor);
  }

  /** As above, decoding only the bodies {@code only} holds ({@code null}: every one). */
  static CodeFeatures decodeBodies(
      WasmModule module, BitSet only, IntFunction<SiteListener> listenerFor) {
    byte[] bytes = module.bytes();
    FeatureAccumulator features = new FeatureAccumulator();
    TypeDecoder types = new TypeDecoder(bytes, features);
    InstructionDecoder decoder = new InstructionDecoder(features, types, module.data().size());
    int firstDefined = module.importCount(ExternalKind.FUNCTION);
    List<FunctionBody> bodies = module.bodies();
    for (int i = 0; i < bodies.size(); i++) {
      if (only != null && !only.get(i)) {
        continue;
      }
      FunctionBody body = bodies.get(i);
      ByteReader in = new ByteReader(bytes, body.start(), body.end());
      try {
        LocalDeclarations.skip(in, types);
        features.body = i;
        decoder.listen(listenerFor.apply(i));
        decoder.decode(in);
      } catch (MalformedModuleException e) {
        throw inFunction(e, firstDefined + i);
      }
    }
    return features.build();
  }

  /**
   * The readers know offsets but not which function they are in; add it where a user would look
   * first.
   */
  private static MalformedModuleException inFunction(MalformedModuleException e, int function) {
    MalformedModuleException located =
        new MalformedModuleException(e.getMessage() + " in function " + function);
    located.initCause(e);
    return located;
  }

  /**
   * @param dataSegments how many data segments the module has; memory.init and data.drop must name
   *     one, which also keeps a hostile index from inflating the data-segment bit sets
   */
  InstructionDecoder(FeatureAccumulator features, TypeDecoder types, int dataSegments) {
    this.features = features;
    this.types = types;
    this.dataSegments = dataSegments;
  }

  /** Reports instrumentation sites of the following bodies to {@code listener}. */
  void listen(SiteListener listener) {
    sites = listener;
  }

  /**
   * Decodes instructions up to the final {@code end}, which must be the last byte {@code in}
   * allows.
   */
  void decode(ByteReader in) {
    int depth = 0;
    int count = 0;
    while (true) {
      if (in.atEnd()) {
        throw in.error("function body ends without its final end");
      }
      int at = in.position();
      int op = in.u8("opcode");
      if ((++count & 0xFFFF) == 0) {
        Interruption.check();
      }
      switch (op) {
        // unreachable, nop, else, return, drop, select, ref.eq, ref.as_non_null
        case 0x00, 0x01, 0x05, 0x0F, 0x1A, 0x1B, 0xD3, 0xD4 -> {}
        case 0x02, 0x04 -> { // block, if
          types.blockType(in);
          depth++;
        }
        case 0x03 -> { // loop
          types.blockType(in);
          depth++;
          sites.loopBody(in.position());
        }
        case 0x0B -> { // end
          if (depth == 0) {
            if (!in.atEnd()) {
              throw in.error("unexpected bytes after the function's final end");
            }
            features.instructionCount += count;
            return;
          }
          depth--;
        }
        case 0x0C, 0x0D, 0xD5, 0xD6 ->
            in.u32("label index"); // br, br_if, br_on_null, br_on_non_null
        case 0x0E -> { // br_table: n labels plus the default
          int labels = in.u32Length("br_table label count");
          features.largestBrTable = Math.max(features.largestBrTable, labels);
          for (int i = 0; i <= labels; i++) {
            in.u32("br_table label");
          }
        }
        case 0x10, 0x14 -> in.u32("call target"); // call funcidx, call_ref typeidx
        case 0x11 -> callIndirect(in);
        case 0x12 -> { // return_call
          int callee = in.u32("call target");
          sites.returnCall(at, in.position(), callee, depth);
          features.tailCalls = true;
        }
        case 0x15 -> { // return_call_ref
          in.u32("call target");
          features.tailCalls = true;
        }
        case 0x13 -> { // return_call_indirect
          callIndirect(in);
          features.tailCalls = true;
        }
        case 0x06 -> { // try (legacy exceptions)
          types.blockType(in);
          depth++;
          features.exceptions = true;
        }
        case 0x07, 0x08 -> { // catch tag, throw tag
          in.u32("tag index");
          features.exceptions = true;
        }
        case 0x09 -> { // rethrow label
          in.u32("label index");
          features.exceptions = true;
        }
        case 0x0A, 0x19 -> features.exceptions = true; // throw_ref, catch_all
        case 0x18 -> { // delegate closes its try in place of an end
          in.u32("label index");
          if (depth == 0) {
            throw new MalformedModuleException("delegate outside any try block at offset " + at);
          }
          depth--;
          features.exceptions = true;
        }
        case 0x1F -> { // try_table
          types.blockType(in);
          catchClauses(in);
          depth++;
          features.exceptions = true;
        }
        case 0x1C -> { // select with explicit result types
          int typeCount = in.u32Length("select type count");
          for (int i = 0; i < typeCount; i++) {
            types.valueType(in, "select type");
          }
          features.referenceTypes = true;
        }
        case 0x20, 0x21, 0x22 -> in.u32("local index");
        case 0x23, 0x24 -> in.u32("global index");
        case 0x25 -> { // table.get
          in.u32("table index");
          features.referenceTypes = true;
        }
        case 0x26 -> { // table.set
          in.u32("table index");
          features.referenceTypes = true;
          features.tableMutation = true;
        }
        case 0x28,
            0x29,
            0x2A,
            0x2B,
            0x2C,
            0x2D,
            0x2E,
            0x2F,
            0x30,
            0x31,
            0x32,
            0x33,
            0x34,
            0x35, // loads
            0x36,
            0x37,
            0x38,
            0x39,
            0x3A,
            0x3B,
            0x3C,
            0x3D,
            0x3E ->
            sites.memoryAccess(at, op, memarg(in)); // stores
        case 0x3F -> features.memory(in.u32Length("memory index")); // memory.size
        case 0x40 -> { // memory.grow
          int memory = in.u32Length("memory index");
          features.memory(memory);
          sites.memoryGrow(at, in.position(), memory);
        }
        case 0x41 -> in.s32("i32 constant");
        case 0x42 -> in.s64("i64 constant");
        case 0x43 -> in.skip(4, "f32 constant");
        case 0x44 -> in.skip(8, "f64 constant");
        case 0xD0 -> { // ref.null
          types.heapType(in);
          features.referenceTypes = true;
        }
        case 0xD1 -> features.referenceTypes = true; // ref.is_null
        case 0xD2 -> { // ref.func
          sites.refFunc(in.u32("function index"));
          features.referenceTypes = true;
        }
        case 0xFB ->
            throw new MalformedModuleException(
                "GC instructions are not supported: opcode 0xFB at offset " + at);
        case 0xFC -> misc(in, at);
        case 0xFD -> simd(in, at);
        case 0xFE -> atomic(in, at);
        default -> {
          if (op < FIRST_NUMERIC || op > LAST_NUMERIC) {
            throw new MalformedModuleException(
                "unknown opcode 0x" + Hex.byteHex(op) + " at offset " + at);
          }
          if (FLOAT_ROUNDING.get(op)) {
            features.floatRoundingBodies.set(features.body);
          }
          sites.computation(at, in.position(), op);
        }
      }
    }
  }

  private static void callIndirect(ByteReader in) {
    in.u32("type index");
    in.u32("table index");
  }

  /**
   * try_table's handlers: kind 0 catch and 1 catch_ref name a tag; 2 catch_all and 3 catch_all_ref
   * don't.
   */
  private static void catchClauses(ByteReader in) {
    int clauses = in.u32Length("try_table catch count");
    for (int i = 0; i < clauses; i++) {
      int at = in.position();
      int kind = in.u8("catch kind");
      if (kind > 3) {
        throw new MalformedModuleException("invalid catch kind " + kind + " at offset " + at);
      }
      if (kind <= 1) {
        in.u32("tag index");
      }
      in.u32("label index");
    }
  }

  /**
   * A memarg's alignment field doubles as a flag: bit 6 says an explicit memory index follows
   * (multi-memory). The offset is read as u64 so memory64 offsets decode; for 32-bit memories the
   * validator, not the decoder, rejects offsets that don't fit.
   */
  private MemArg memarg(ByteReader in) {
    int at = in.position();
    int flags = in.u32("memarg alignment");
    if ((flags & ~0x7F) != 0) {
      throw new MalformedModuleException(
          "malformed memarg alignment " + Integer.toUnsignedString(flags) + " at offset " + at);
    }
    int memory = (flags & 0x40) != 0 ? in.u32Length("memarg memory index") : 0;
    long offset = in.u64("memarg offset");
    features.memory(memory);
    return new MemArg(memory, offset);
  }

  private void misc(ByteReader in, int at) {
    int op = in.u32("0xFC subopcode");
    switch (op) {
      case 0, 1, 2, 3, 4, 5, 6, 7 -> {} // saturating truncations
      case 0x13, 0x14, 0x15, 0x16 -> {} // wide arithmetic: i64.add128, i64.sub128, i64.mul_wide_s/u
      case 8 -> { // memory.init data mem
        int segment = dataIndex(in);
        features.memory(in.u32Length("memory index"));
        features.dataSegmentsUsed.set(segment);
        features.bulkMemory = true;
        features.memoryBulkBodies.set(features.body);
        sites.computation(at, in.position(), InstructionSites.MEMORY_INIT);
      }
      case 9 -> { // data.drop data
        int segment = dataIndex(in);
        features.dataSegmentsUsed.set(segment);
        features.droppedDataSegments.set(segment);
        features.bulkMemory = true;
      }
      case 10 -> { // memory.copy dst src
        features.memory(in.u32Length("memory index"));
        features.memory(in.u32Length("memory index"));
        features.bulkMemory = true;
        features.memoryBulkBodies.set(features.body);
        sites.computation(at, in.position(), InstructionSites.MEMORY_COPY);
      }
      case 11 -> { // memory.fill mem
        features.memory(in.u32Length("memory index"));
        features.bulkMemory = true;
        features.memoryBulkBodies.set(features.body);
        sites.computation(at, in.position(), InstructionSites.MEMORY_FILL);
      }
      case 12 -> { // table.init elem table
        in.u32("element segment index");
        in.u32("table index");
        features.bulkMemory = true;
        features.tableMutation = true;
      }
      case 13 -> { // elem.drop elem
        in.u32("element segment index");
        features.bulkMemory = true;
        features.tableMutation = true;
      }
      case 14 -> { // table.copy dst src
        in.u32("table index");
        in.u32("table index");
        features.bulkMemory = true;
        features.tableMutation = true;
      }
      case 15, 17 -> { // table.grow, table.fill
        in.u32("table index");
        features.referenceTypes = true;
        features.tableMutation = true;
      }
      case 16 -> { // table.size
        in.u32("table index");
        features.referenceTypes = true;
      }
      default -> throw unknownPrefixed(0xFC, op, at);
    }
  }

  private int dataIndex(ByteReader in) {
    int at = in.position();
    int index = in.u32Length("data segment index");
    if (index >= dataSegments) {
      throw new MalformedModuleException(
          "data segment index "
              + index
              + " is out of range (the module has "
              + dataSegments
              + " data segments) at offset "
              + at);
    }
    return index;
  }

  private void simd(ByteReader in, int at) {
    int op = in.u32("0xFD subopcode");
    switch (SimdOpcodes.kind(op)) {
      case SimdOpcodes.NONE -> {}
      case SimdOpcodes.MEMARG ->
          sites.memoryAccess(at, InstructionSites.SIMD_PREFIX | op, memarg(in));
      case SimdOpcodes.MEMARG_LANE -> {
        sites.memoryAccess(at, InstructionSites.SIMD_PREFIX | op, memarg(in));
        in.skip(1, "lane index");
      }
      case SimdOpcodes.LANE -> in.skip(1, "lane index");
      case SimdOpcodes.BYTES16 -> in.skip(16, "v128 immediate");
      default -> throw unknownPrefixed(0xFD, op, at);
    }
    features.simd = true;
    if (op < SIMD_FLOAT_ROUNDING.size() && SIMD_FLOAT_ROUNDING.get(op)) {
      features.floatRoundingBodies.set(features.body);
    }
    sites.computation(at, in.position(), InstructionSites.SIMD_PREFIX | op);
  }

  private void atomic(ByteReader in, int at) {
    int op = in.u32("0xFE subopcode");
    switch (AtomicOpcodes.kind(op)) {
      case AtomicOpcodes.MEMARG -> memarg(in);
      case AtomicOpcodes.FENCE -> {
        int flagsAt = in.position();
        int flags = in.u8("atomic.fence flags");
        if (flags != 0) {
          throw new MalformedModuleException(
              "atomic.fence flags must be 0x00, found 0x"
                  + Hex.byteHex(flags)
                  + " at offset "
                  + flagsAt);
        }
      }
      default -> throw unknownPrefixed(0xFE, op, at);
    }
    features.atomics = true;
  }

  private static MalformedModuleException unknownPrefixed(int prefix, int op, int at) {
    return new MalformedModuleException(
        "unknown opcode 0x" + Hex.byteHex(prefix) + " 0x" + Hex.byteHex(op) + " at offset " + at);
  }
}
