package dev.wisex.parser.write;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.Export;
import dev.wisex.parser.Global;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ValueType;
import java.util.List;

/** Encodes the section contents the rewrite replaces: memories, globals, exports, data count. */
public final class SectionEncoder {
  private SectionEncoder() {}

  public static byte[] memories(List<MemoryType> memories) {
    ByteWriter out = new ByteWriter();
    out.u32(memories.size());
    memories.forEach(m -> memoryType(out, m));
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
    exports.forEach(e -> export(out, e));
    return out.toByteArray();
  }

  public static byte[] dataCount(int count) {
    return new ByteWriter(5).u32(count).toByteArray();
  }

  /** Writes one export entry: its name, kind and index. */
  public static void export(ByteWriter out, Export export) {
    out.name(export.name()).u8(export.kind().code()).u32(export.index());
  }

  /**
   * Writes a memory type: its limits flags, limits and custom page size, as in the memory section.
   */
  public static void memoryType(ByteWriter out, MemoryType memory) {
    int flags =
        (memory.hasMaximum() ? 0x01 : 0)
            | (memory.shared() ? 0x02 : 0)
            | (memory.memory64() ? 0x04 : 0)
            | (memory.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2 ? 0x08 : 0);
    out.u8(flags);
    out.u64(memory.minimum());
    if (memory.hasMaximum()) {
      out.u64(memory.maximum());
    }
    if (memory.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
      out.u32(memory.pageSizeLog2());
    }
  }

  private static void writeValueType(ByteWriter out, ValueType type) {
    if (type == ValueType.OTHER_REF) {
      throw new IllegalArgumentException("typed reference globals cannot be re-encoded");
    }
    out.u8(type.code());
  }
}
