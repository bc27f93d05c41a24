package dev.wisex.wasix.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The functions of one import namespace, by name. */
public final class Table {
  private final String namespace;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  Table(String namespace) {
    this.namespace = namespace;
  }

  Table add(Entry entry) {
    if (entries.put(entry.name(), entry) != null) {
      throw new IllegalStateException("duplicate entry " + entry.name() + " in " + namespace);
    }
    return this;
  }

  Table addAll(Table other) {
    other.entries.values().forEach(this::add);
    return this;
  }

  public String namespace() {
    return namespace;
  }

  public Optional<Entry> entry(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  public Map<String, Entry> entries() {
    return entries;
  }
}
