package dev.wisex.parser.write;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.GlobalType;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.Section;
import dev.wisex.parser.TableType;
import dev.wisex.parser.WasmModule;
import java.util.List;

/**
 * Re-encodes the import section with new types for the imported memories, copying every other
 * import byte for byte: the rewrite keeps a memory import but raises its minimum to the snapshot's
 * size.
 */
public final class ImportSectionEncoder {
  private ImportSectionEncoder() {}

  /**
   * @param module the input, which has an import section
   * @param memories the new type of each imported memory, in memory index order
   */
  public static byte[] withMemories(WasmModule module, List<MemoryType> memories) {
    int imported = module.importCount(ExternalKind.MEMORY);
    if (imported != memories.size()) {
      throw new IllegalArgumentException(
          memories.size() + " memory types given for " + imported + " imported memories");
    }
    Section section =
        module
            .section(Section.IMPORT)
            .orElseThrow(() -> new IllegalArgumentException("module has no import section"));
    ByteReader in = new ByteReader(module.bytes(), section.contentStart(), section.end());
    ByteWriter out = new ByteWriter(section.contentLength() + 16);
    int count = in.u32Length("import count");
    out.u32(count);
    int memory = 0;
    for (int i = 0; i < count; i++) {
      int from = in.position();
      in.name("import module name");
      in.name("import field name");
      ExternalKind kind = ExternalKind.read(in, "import kind");
      int descriptor = in.position();
      switch (kind) {
        case FUNCTION -> in.u32("import type index");
        case TABLE -> TableType.read(in);
        case MEMORY -> MemoryType.read(in);
        case GLOBAL -> GlobalType.read(in);
        case TAG -> {
          in.u8("tag attribute");
          in.u32("tag type index");
        }
      }
      if (kind == ExternalKind.MEMORY) {
        out.bytes(module.bytes(), from, descriptor - from);
        SectionEncoder.memoryType(out, memories.get(memory++));
      } else {
        out.bytes(module.bytes(), from, in.position() - from);
      }
    }
    return out.toByteArray();
  }
}
