package dev.wisex.wasix.table;

import dev.wisex.wasix.abi.PointerWidth;
import dev.wisex.wasix.abi.Signature;
import dev.wisex.wasix.calls.Impl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The functions of one import namespace, by name, with the namespace's pointer width. */
public final class Table {
  private final String namespace;
  private final PointerWidth width;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, List<Entry>> earlier = new LinkedHashMap<>();
  private final Map<String, String> earlierNames = new LinkedHashMap<>();

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

  /**
   * Gives the row {@code name} another implementation, keeping its signature; a refused row becomes
   * supported.
   */
  void answer(String name, Impl impl) {
    Entry row = entries.get(name);
    if (row == null) {
      throw new IllegalStateException("no entry " + name + " in " + namespace);
    }
    entries.put(name, new Entry(name, row.signature(), impl, null));
  }

  /**
   * Adds a signature that an earlier version of the namespace gave a name (wasmer's history):
   * programs built against that version still declare it. The row serves those imports; it is not
   * part of {@link #entries()}, which is today's ABI.
   */
  Table addEarlier(Entry.Row row) {
    earlier
        .computeIfAbsent(row.name(), k -> new ArrayList<>())
        .add(
            new Entry(
                row.name(), Signature.parse(row.signature(), width), row.impl(), row.reason()));
    return this;
  }

  /**
   * A name an earlier version defined whose signature wisex does not list: any declared type links
   * to a trap with {@code reason}, as every call of it is refused anyway.
   */
  Table addEarlierName(String name, String reason) {
    earlierNames.put(name, reason);
    return this;
  }

  /** Why a call of an earlier version's name listed only by name is refused, if it is one. */
  public Optional<String> earlierNameReason(String name) {
    return Optional.ofNullable(earlierNames.get(name));
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

  /**
   * Every version of {@code name} this table knows, today's first; empty for a name no version
   * defines.
   */
  public List<Entry> versions(String name) {
    List<Entry> all = new ArrayList<>();
    entry(name).ifPresent(all::add);
    all.addAll(earlier.getOrDefault(name, List.of()));
    return all;
  }

  /** The rows of earlier ABI versions, by name (see {@link #addEarlier}). */
  public Map<String, List<Entry>> earlierEntries() {
    return earlier;
  }

  public Map<String, Entry> entries() {
    return entries;
  }
}
