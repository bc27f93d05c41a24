package dev.wisex.wasix.table;

import dev.wisex.wasix.abi.PointerWidth;
import dev.wisex.wasix.abi.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The functions of one import namespace, by name, with the namespace's pointer width. */
public final class Table {
  private final String namespace;
  private final PointerWidth width;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  Table(String namespace, PointerWidth width) {
    this.namespace = namespace;
    this.width = width;
  }

  Table add(Entry.Row row) {
    Entry entry =
        new Entry(row.name(), Signature.parse(row.signature(), width), row.impl(), row.reason());
    if (entries.put(entry.name(), entry) != null) {
      throw new IllegalStateException("duplicate entry " + entry.name() + " in " + namespace);
    }
    return this;
  }

  public String namespace() {
    return namespace;
  }

  /** How wide the pointers of this namespace's functions are. */
  public PointerWidth width() {
    return width;
  }

  public Optional<Entry> entry(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  public Map<String, Entry> entries() {
    return entries;
  }
}
