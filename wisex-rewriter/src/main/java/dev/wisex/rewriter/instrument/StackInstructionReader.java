package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.instrument.StackInstruction.Kind;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes instructions one at a time with their stack effect. It knows the instructions C compilers
 * emit (the core set with sign extension, saturating truncation, bulk memory and reference types on
 * funcref/externref); anything else (SIMD, atomics, exceptions, tail calls, typed references)
 * throws {@link Unsupported}, and the caller leaves that function alone. The module's own decoder
 * ({@code InstructionDecoder}) checks encodings and classifies; this one adds arity, and checks
 * nothing the engine's validation (which comes after, on the module init runs in) will: code it
 * misreads throws, and its function stays whole.
 */
final class StackInstructionReader {
  /** An instruction this reader does not model; the function it is in is not split. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private static final int[] NO_LABELS = new int[0];

  private final WasmModule module;
  private final Map<Integer, int[]> added = new HashMap<>();

  StackInstructionReader(WasmModule module) {
    this.module = module;
  }

  /** Makes calls to a function the module does not have yet (one a pass adds) decodable. */
  void addFunction(int index, int params, int results) {
    added.put(index, new int[] {params, results});
  }

  /** The instruction at {@code at} in {@code code}, which ends at {@code limit}. */
  StackInstruction read(byte[] code, int at, int limit) {
    ByteReader in = new ByteReader(code, at, limit);
    int op = in.u8("opcode");
    return switch (op) {
      case 0x00 -> of(in, at, Kind.UNREACHABLE, 0, 0);
      case 0x01 -> plain(in, at, 0, 0);
      case 0x02, 0x03, 0x04 -> block(code, at, limit, op);
      case 0x05 -> of(in, at, Kind.ELSE, 0, 0);
      case 0x0B -> of(in, at, Kind.END, 0, 0);
      case 0x0C -> indexed(in, at, Kind.BR, 0, 0, in.u32("label"));
      case 0x0D -> indexed(in, at, Kind.BR_IF, 1, 0, in.u32("label"));
      case 0x0E -> brTable(in, at);
      case 0x0F -> of(in, at, Kind.RETURN, 0, 0);
      case 0x10 -> {
        int function = in.u32("function");
        int[] arity = added.get(function);
        if (arity != null) {
          yield plain(in, at, arity[0], arity[1]);
        }
        FunctionType type = module.functionType(function);
        yield plain(in, at, type.params().size(), type.results().size());
      }
      case 0x11 -> {
        FunctionType type = module.types().get(in.u32("type"));
        in.u32("table");
        yield plain(in, at, type.params().size() + 1, type.results().size());
      }
      case 0x1A -> plain(in, at, 1, 0); // drop
      case 0x1B -> plain(in, at, 3, 1); // select
      case 0x1C -> {
        int n = in.u32("select type count");
        for (int i = 0; i < n; i++) {
          valueType(in);
        }
        yield plain(in, at, 3, 1);
      }
      case 0x20 -> indexed(in, at, Kind.LOCAL_GET, 0, 1, in.u32("local"));
      case 0x21 -> indexed(in, at, Kind.LOCAL_SET, 1, 0, in.u32("local"));
      case 0x22 -> indexed(in, at, Kind.LOCAL_TEE, 1, 1, in.u32("local"));
      case 0x23 -> immediate(in, at, 0, 1); // global.get
      case 0x24 -> immediate(in, at, 1, 0); // global.set
      case 0x25 -> immediate(in, at, 1, 1); // table.get
      case 0x26 -> immediate(in, at, 2, 0); // table.set
      case 0x3F -> immediate(in, at, 0, 1); // memory.size
      case 0x40 -> immediate(in, at, 1, 1); // memory.grow
      case 0x41 -> {
        in.s32("i32");
        yield plain(in, at, 0, 1);
      }
      case 0x42 -> {
        in.s64("i64");
        yield plain(in, at, 0, 1);
      }
      case 0x43 -> {
        in.skip(4, "f32");
        yield plain(in, at, 0, 1);
      }
      case 0x44 -> {
        in.skip(8, "f64");
        yield plain(in, at, 0, 1);
      }
      case 0xD0 -> {
        valueType(in); // ref.null's heap type: func or extern
        yield plain(in, at, 0, 1);
      }
      case 0xD1 -> plain(in, at, 1, 1); // ref.is_null
      case 0xD2 -> immediate(in, at, 0, 1); // ref.func
      case 0xFC -> misc(in, at);
      default -> {
        if (op >= 0x28 && op <= 0x35) { // loads
          memarg(in);
          yield plain(in, at, 1, 1);
        }
        if (op >= 0x36 && op <= 0x3E) { // stores
          memarg(in);
          yield plain(in, at, 2, 0);
        }
        if (op >= 0x45 && op <= 0xC4) {
          yield plain(in, at, numericPops(op), 1);
        }
        throw new Unsupported("opcode 0x" + Integer.toHexString(op));
      }
    };
  }

  /** How many operands a numeric instruction (0x45 to 0xC4) takes; each pushes one. */
  static int numericPops(int op) {
    boolean unary =
        op == 0x45 // i32.eqz
            || op == 0x50 // i64.eqz
            || op >= 0x67 && op <= 0x69 // i32 clz ctz popcnt
            || op >= 0x79 && op <= 0x7B // i64 clz ctz popcnt
            || op >= 0x8B && op <= 0x91 // f32 abs .. sqrt
            || op >= 0x99 && op <= 0x9F // f64 abs .. sqrt
            || op >= 0xA7; // conversions, reinterpretations, sign extensions
    return unary ? 1 : 2;
  }

  private StackInstruction block(byte[] code, int at, int limit, int op) {
    ByteReader in = new ByteReader(code, at + 1, limit);
    int params = 0;
    int results;
    int b = code[at + 1] & 0xFF;
    if (b == 0x40) {
      in.u8("block type");
      results = 0;
    } else if (isValueType(b)) {
      in.u8("block type");
      results = 1;
    } else {
      long index = in.s33("block type");
      if (index < 0) {
        throw new Unsupported("block type 0x" + Integer.toHexString(b));
      }
      FunctionType type = module.types().get((int) index);
      params = type.params().size();
      results = type.results().size();
    }
    Kind kind = op == 0x02 ? Kind.BLOCK : op == 0x03 ? Kind.LOOP : Kind.IF;
    return new StackInstruction(
        at, in.position(), kind, params + (op == 0x04 ? 1 : 0), results, 0, NO_LABELS, params);
  }

  private StackInstruction brTable(ByteReader in, int at) {
    int n = in.u32("br_table count");
    int[] labels = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      labels[i] = in.u32("br_table label");
    }
    return new StackInstruction(at, in.position(), Kind.BR_TABLE, 1, 0, 0, labels, 0);
  }

  private StackInstruction misc(ByteReader in, int at) {
    int sub = in.u32("0xFC subopcode");
    return switch (sub) {
      case 0, 1, 2, 3, 4, 5, 6, 7 -> plain(in, at, 1, 1); // saturating truncations
      case 8 -> { // memory.init data memory
        in.u32("data");
        in.u32("memory");
        yield plain(in, at, 3, 0);
      }
      case 9, 13 -> immediate(in, at, 0, 0); // data.drop, elem.drop
      case 10, 14 -> { // memory.copy, table.copy
        in.u32("destination");
        in.u32("source");
        yield plain(in, at, 3, 0);
      }
      case 11 -> immediate(in, at, 3, 0); // memory.fill
      case 12 -> { // table.init elem table
        in.u32("element segment");
        in.u32("table");
        yield plain(in, at, 3, 0);
      }
      case 15 -> immediate(in, at, 2, 1); // table.grow
      case 16 -> immediate(in, at, 0, 1); // table.size
      case 17 -> immediate(in, at, 3, 0); // table.fill
      default -> throw new Unsupported("opcode 0xFC " + sub);
    };
  }

  private static void memarg(ByteReader in) {
    int flags = in.u32("alignment");
    if ((flags & 0x40) != 0) {
      in.u32("memory");
    }
    in.u64("offset");
  }

  private static void valueType(ByteReader in) {
    int b = in.u8("type");
    if (!isValueType(b)) {
      throw new Unsupported("value type 0x" + Integer.toHexString(b));
    }
  }

  /** i32, i64, f32, f64, funcref, externref: the types the split can declare locals of. */
  static boolean isValueType(int code) {
    return code >= 0x7C && code <= 0x7F || code == 0x70 || code == 0x6F;
  }

  private static StackInstruction immediate(ByteReader in, int at, int pops, int pushes) {
    in.u32("index");
    return plain(in, at, pops, pushes);
  }

  private static StackInstruction plain(ByteReader in, int at, int pops, int pushes) {
    return of(in, at, Kind.PLAIN, pops, pushes);
  }

  private static StackInstruction of(ByteReader in, int at, Kind kind, int pops, int pushes) {
    return new StackInstruction(at, in.position(), kind, pops, pushes, 0, NO_LABELS, 0);
  }

  private static StackInstruction indexed(
      ByteReader in, int at, Kind kind, int pops, int pushes, int index) {
    return new StackInstruction(at, in.position(), kind, pops, pushes, index, NO_LABELS, 0);
  }
}
