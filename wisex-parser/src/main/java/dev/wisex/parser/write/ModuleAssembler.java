package dev.wisex.parser.write;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.Export;
import dev.wisex.parser.Section;
import dev.wisex.parser.SectionBody;
import dev.wisex.parser.WasmModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a module from an input module plus section changes: replaced sections take their new
 * contents in place, new sections are inserted where the binary format's order puts them (right
 * after the last known section before them, so trailing custom sections such as {@code name} stay
 * last), removed ones are left out, and every other section (custom ones included) is copied
 * byte-for-byte where it stood.
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
    List<Section> sections = module.sections();
    insertBefore(out, pending, contents, nextKnownOrder(sections, 0));
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      boolean custom = s.id() == Section.CUSTOM;
      SectionBody replacement = custom ? null : contents.get(s.id());
      // removed holding CUSTOM leaves out every custom section.
      if (!removed.contains(s.id())) {
        if (replacement != null) {
          out.section(s.id(), replacement);
        } else {
          out.copy(module, s);
        }
      }
      if (!custom) {
        // New sections go right after the last known section that precedes them, so custom
        // sections that followed it (a trailing `name` section) stay after them, as in Wizer.
        insertBefore(out, pending, contents, nextKnownOrder(sections, i + 1));
      }
    }
    insertBefore(out, pending, contents, Integer.MAX_VALUE);
    return out;
  }

  /** Writes the pending sections whose order is below {@code order}, in order. */
  private static void insertBefore(
      ModuleWriter out,
      TreeMap<Integer, Integer> pending,
      Map<Integer, SectionBody> contents,
      int order) {
    while (!pending.isEmpty() && pending.firstKey() < order) {
      int id = pending.pollFirstEntry().getValue();
      out.section(id, contents.get(id));
    }
  }

  /** The order of the first known section at or after {@code from}; none: above every order. */
  private static int nextKnownOrder(List<Section> sections, int from) {
    for (int i = from; i < sections.size(); i++) {
      if (sections.get(i).id() != Section.CUSTOM) {
        return Section.orderOf(sections.get(i).id());
      }
    }
    return Integer.MAX_VALUE;
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

  /**
   * Contents of the export section with {@code added} appended after the module's own exports, as a
   * caller needs that exports what the module keeps internal (its start function, its memory).
   */
  public static byte[] appendExports(WasmModule module, List<Export> added) {
    ByteWriter entries = new ByteWriter();
    added.forEach(e -> SectionEncoder.export(entries, e));
    return appendToVector(module, Section.EXPORT, added.size(), entries.toByteArray());
  }
}
