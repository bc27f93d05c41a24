package dev.wisex.parser;

import java.util.List;

/**
 * A parsed module: the input's bytes, its sections as positions into those bytes, and the decoded
 * index spaces the pipeline needs. Unchanged sections are written back from {@link #bytes()}
 * byte-for-byte.
 *
 * @param bytes the module's bytes (not copied; do not modify)
 * @param sections every section in input order, custom sections included
 * @param types the type section
 * @param imports the import section
 * @param functionTypes type index of each defined function
 * @param tables defined tables
 * @param memories defined memories
 * @param globals defined globals
 * @param exports the export section
 * @param start index of the start function, or -1
 * @param dataCount the data count section's value, or -1 if absent
 * @param data the data section's segments
 * @param bodies each defined function's body
 * @param elements the element section's segments
 * @param tags type index of each defined exception tag
 */
public record WasmModule(
    byte[] bytes,
    List<Section> sections,
    List<FunctionType> types,
    List<Import> imports,
    int[] functionTypes,
    List<TableType> tables,
    List<MemoryType> memories,
    List<Global> globals,
    List<Export> exports,
    int start,
    int dataCount,
    List<DataSegment> data,
    List<FunctionBody> bodies,
    List<ElementSegment> elements,
    List<Integer> tags) {

  public WasmModule {
    sections = List.copyOf(sections);
    types = List.copyOf(types);
    imports = List.copyOf(imports);
    tables = List.copyOf(tables);
    memories = List.copyOf(memories);
    globals = List.copyOf(globals);
    exports = List.copyOf(exports);
    data = List.copyOf(data);
    bodies = List.copyOf(bodies);
    elements = List.copyOf(elements);
    tags = List.copyOf(tags);
  }

  /** Number of imports of one kind (they come first in that kind's index space). */
  public int importCount(ExternalKind kind) {
    return (int) imports.stream().filter(i -> i.kind() == kind).count();
  }

  /** The imports of one kind, in index order. */
  public List<Import> imports(ExternalKind kind) {
    return imports.stream().filter(i -> i.kind() == kind).toList();
  }

  /** The first section with this id, if present. */
  public java.util.Optional<Section> section(int id) {
    return sections.stream().filter(s -> s.id() == id).findFirst();
  }

  /** The export with this name, if present. */
  public java.util.Optional<Export> export(String name) {
    return exports.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The type of function {@code index} in the function index space (imports first). */
  public FunctionType functionType(int index) {
    int imported = 0;
    for (Import imp : imports) {
      if (imp.kind() == ExternalKind.FUNCTION) {
        if (imported == index) {
          return types.get(imp.functionTypeIndex());
        }
        imported++;
      }
    }
    return types.get(functionTypes[index - imported]);
  }

  /** All memories in index order: imported ones first, then defined ones. */
  public List<MemoryType> allMemories() {
    java.util.ArrayList<MemoryType> all = new java.util.ArrayList<>();
    imports(ExternalKind.MEMORY).forEach(i -> all.add(i.memory()));
    all.addAll(memories);
    return all;
  }
}
