package dev.wisex.parser;

/**
 * One import. Exactly one of the type fields is set, by {@link #kind()}.
 *
 * @param module the module name
 * @param name the field name
 * @param kind what is imported
 * @param functionTypeIndex the type index, for functions (else -1)
 * @param table the table type, for tables
 * @param memory the memory type, for memories
 * @param global the global type, for globals
 */
public record Import(
    String module,
    String name,
    ExternalKind kind,
    int functionTypeIndex,
    TableType table,
    MemoryType memory,
    GlobalType global) {

  /** {@code module.name}, as messages spell an import. */
  public String qualifiedName() {
    return module + "." + name;
  }
}
