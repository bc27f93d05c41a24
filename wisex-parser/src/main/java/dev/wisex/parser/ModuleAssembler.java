package dev.wisex.parser;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a module from an input module plus section changes: replaced sections take their new
 * contents in place, new sections are inserted where the binary format's order puts them, removed
 * ones are left out, and every other section (custom ones included) is copied byte-for-byte where
 * it stood.
 */
public final class ModuleAssembler {
  private ModuleAssembler() {}

  /**
   * @param module the input
   * @param contents new contents by section id, for sections that are replaced or added
   * @param removed ids of sections to leave out; {@link Section#CUSTOM} leaves out every custom
   *     section
   */
  public static byte[] assemble(
      WasmModule module, Map<Integer, byte[]> contents, Set<Integer> removed) {
    Map<Integer, SectionBody> bodies = new HashMap<>();
    contents.forEach((id, content) -> bodies.put(id, SectionBody.of(content)));
    return layout(module, bodies, removed).toByteArray();
  }

  /**
   * Lays the output out like {@link #assemble} without writing it yet, so the caller learns its
   * exact {@link ModuleWriter#size()} before the one array is allocated.
   *
   * @param module the input
   * @param contents new contents by section id, for sections that are replaced or added
   * @param removed ids of sections to leave out; {@link Section#CUSTOM} leaves out every custom
   *     section
   */
  public static ModuleWriter layout(
      WasmModule module, Map<Integer, SectionBody> contents, Set<Integer> removed) {
    ModuleWriter out = new ModuleWriter();
    TreeMap<Integer, Integer> pending = new TreeMap<>(); // order -> id of sections to insert
    for (Integer id : contents.keySet()) {
      if (module.section(id).isEmpty()) {
        pending.put(Section.orderOf(id), id);
      }
    }
    for (Section s : module.sections()) {
      if (s.id() != Section.CUSTOM) {
        int order = Section.orderOf(s.id());
        while (!pending.isEmpty() && pending.firstKey() < order) {
          int id = pending.pollFirstEntry().getValue();
          out.section(id, contents.get(id));
        }
      }
      if (removed.contains(s.id())) {
        continue;
      }
      SectionBody replacement = s.id() == Section.CUSTOM ? null : contents.get(s.id());
      if (replacement != null) {
        out.section(s.id(), replacement);
      } else {
        out.copy(module, s);
      }
    }
    pending.values().forEach(id -> out.section(id, contents.get(id)));
    return out;
  }

  /**
   * Contents of a vector section with {@code extraCount} more entries whose encoding is {@code
   * extra} appended; the existing entries are copied as they stand. A missing section counts as
   * empty.
   */
  public static byte[] appendToVector(
      WasmModule module, int sectionId, int extraCount, byte[] extra) {
    var section = module.section(sectionId);
    if (section.isEmpty()) {
      return new ByteWriter(extra.length + 5).u32(extraCount).bytes(extra).toByteArray();
    }
    Section s = section.get();
    ByteReader in = new ByteReader(module.bytes(), s.contentStart(), s.end());
    int count = in.u32Length(Section.nameOf(sectionId) + " count");
    int rest = in.position();
    return new ByteWriter(s.contentLength() + extra.length + 5)
        .u32(count + extraCount)
        .bytes(module.bytes(), rest, s.end() - rest)
        .bytes(extra)
        .toByteArray();
  }
}
