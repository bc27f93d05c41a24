package dev.wisex.rewriter;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.Global;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import java.util.HexFormat;
import java.util.List;

/**
 * Names the first place where two pre-initialized outputs of one module differ, in the state's
 * terms: a global's value, a memory's size, or a range of memory bytes, with both sides' values.
 */
final class OutputDifference {
  private static final int MAX_RANGE = 16;

  private OutputDifference() {}

  static String describe(String leftName, byte[] left, String rightName, byte[] right) {
    WasmModule a = ModuleParser.parse(left);
    WasmModule b = ModuleParser.parse(right);
    List<Global> ga = a.globals();
    List<Global> gb = b.globals();
    int imported = a.importCount(dev.wisex.parser.ExternalKind.GLOBAL);
    for (int i = 0; i < Math.min(ga.size(), gb.size()); i++) {
      if (!java.util.Arrays.equals(ga.get(i).initExpr(), gb.get(i).initExpr())) {
        return String.format(
            "global %d: `%s` has %s, `%s` has %s",
            imported + i,
            leftName,
            constant(ga.get(i).initExpr()),
            rightName,
            constant(gb.get(i).initExpr()));
      }
    }
    List<MemoryType> ma = a.allMemories();
    List<MemoryType> mb = b.allMemories();
    for (int m = 0; m < Math.min(ma.size(), mb.size()); m++) {
      if (ma.get(m).minimum() != mb.get(m).minimum()) {
        return String.format(
            "memory %d: `%s` has %d pages, `%s` has %d",
            m, leftName, ma.get(m).minimum(), rightName, mb.get(m).minimum());
      }
      byte[] ia = image(a, m);
      byte[] ib = image(b, m);
      int at = java.util.Arrays.mismatch(ia, ib);
      if (at >= 0) {
        int end = at;
        while (end < Math.min(ia.length, ib.length) && end - at < MAX_RANGE && ia[end] != ib[end]) {
          end++;
        }
        end = Math.max(end, at + 1);
        return String.format(
            "memory %d bytes [0x%x, 0x%x): `%s` has %s, `%s` has %s",
            m, at, end, leftName, hex(ia, at, end), rightName, hex(ib, at, end));
      }
    }
    return "the outputs differ from byte " + java.util.Arrays.mismatch(left, right);
  }

  /** The bytes the active segments of memory {@code m} put there, up to the last one's end. */
  private static byte[] image(WasmModule module, int m) {
    long size = 0;
    for (DataSegment s : module.data()) {
      if (s.active() && s.memoryIndex() == m) {
        size = Math.max(size, offset(s) + s.payloadLength());
      }
    }
    byte[] image = new byte[Math.toIntExact(size)];
    for (DataSegment s : module.data()) {
      if (s.active() && s.memoryIndex() == m) {
        System.arraycopy(
            module.bytes(), s.payloadOffset(), image, (int) offset(s), s.payloadLength());
      }
    }
    return image;
  }

  private static long offset(DataSegment s) {
    return s.constantOffset().orElseThrow();
  }

  private static String constant(byte[] expr) {
    ByteReader in = new ByteReader(expr);
    return switch (in.u8("constant opcode")) {
      case 0x41 -> "i32 " + in.s32("i32");
      case 0x42 -> "i64 " + in.s64("i64");
      case 0x43 -> "f32 bits 0x" + hex(expr, 1, 5);
      case 0x44 -> "f64 bits 0x" + hex(expr, 1, 9);
      default -> "0x" + HexFormat.of().formatHex(expr);
    };
  }

  private static String hex(byte[] bytes, int from, int to) {
    return HexFormat.of().formatHex(bytes, from, Math.min(to, bytes.length));
  }
}
