package dev.wisex.parser;

import java.util.List;

/** Encodes the section contents the rewrite replaces: memories, globals, exports, data count. */
public final class SectionEncoder {
  private SectionEncoder() {}

  public static byte[] memories(List<MemoryType> memories) {
    ByteWriter out = new ByteWriter();
    out.u32(memories.size());
    memories.forEach(m -> m.write(out));
    return out.toByteArray();
  }

  public static byte[] globals(List<Global> globals) {
    ByteWriter out = new ByteWriter();
    out.u32(globals.size());
    for (Global g : globals) {
      writeValueType(out, g.type().valueType());
      out.u8(g.type().mutable() ? 1 : 0);
      out.bytes(g.initExpr());
    }
    return out.toByteArray();
  }

  public static byte[] exports(List<Export> exports) {
    ByteWriter out = new ByteWriter();
    out.u32(exports.size());
    exports.forEach(e -> e.write(out));
    return out.toByteArray();
  }

  public static byte[] dataCount(int count) {
    return new ByteWriter(5).u32(count).toByteArray();
  }

  private static void writeValueType(ByteWriter out, ValueType type) {
    if (type == ValueType.OTHER_REF) {
      throw new IllegalArgumentException("typed reference globals cannot be re-encoded");
    }
    out.u8(type.code());
  }
}
