package dev.wisex.parser.write;

import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a backend adds to the module its engine runs (never to wisex's output), under names the
 * module's own exports leave free, so that the host reaches what the module keeps internal: an
 * engine that runs the start function inside instantiation, before the embedder holds the instance,
 * leaves host functions called from it without the instance's memory 0; with the start section
 * removed ({@link #assemble}) and its function exported, the backend calls it right after
 * instantiation (the spec's order: segments first, then start), and memory 0 is exported when the
 * module does not export it.
 */
public final class ReservedExports {
  private final WasmModule module;
  private final Set<String> own = new HashSet<>();
  private final Set<String> reserved = new HashSet<>();
  private final List<Export> added = new ArrayList<>();

  public ReservedExports(WasmModule module) {
    this.module = module;
    module.exports().forEach(e -> own.add(e.name()));
  }

  /** A name no export of the module has, nor one reserved before: {@code base}, or base_2, … */
  public String reserve(String base) {
    String name = base;
    for (int i = 2; own.contains(name) || reserved.contains(name); i++) {
      name = base + "_" + i;
    }
    reserved.add(name);
    return name;
  }

  /** Whether {@code name} is one this object reserved (not the module's own export). */
  public boolean isReserved(String name) {
    return reserved.contains(name);
  }

  /** Adds an export under a name from {@link #reserve}. */
  public void add(Export export) {
    added.add(export);
  }

  /**
   * Exports the start function under a name reserved from {@code base}, to be called after
   * instantiation.
   *
   * @return that name, or {@code null} if the module has no start function
   */
  public String start(String base) {
    if (module.start() < 0) {
      return null;
    }
    String name = reserve(base);
    add(new Export(name, ExternalKind.FUNCTION, module.start()));
    return name;
  }

  /**
   * An export of memory 0: the module's own, or one added under a name reserved from {@code base}.
   *
   * @return its name, or {@code null} if the module has no memory
   */
  public String memoryZero(String base) {
    for (Export e : module.exports()) {
      if (e.kind() == ExternalKind.MEMORY && e.index() == 0) {
        return e.name();
      }
    }
    if (module.allMemories().isEmpty()) {
      return null;
    }
    String name = reserve(base);
    add(new Export(name, ExternalKind.MEMORY, 0));
    return name;
  }

  /** The exports added, in order. */
  public List<Export> added() {
    return List.copyOf(added);
  }

  /**
   * The module with the exports added after its own, the start section left out (its function is
   * exported by {@link #start}, if the caller asked), and {@code sections} (other sections' new
   * contents, by id) in place; the module's own bytes when nothing changes.
   */
  public byte[] assemble(Map<Integer, byte[]> sections) {
    if (added.isEmpty() && sections.isEmpty()) {
      return module.bytes();
    }
    Map<Integer, byte[]> contents = new HashMap<>(sections);
    contents.put(Section.EXPORT, ModuleAssembler.appendExports(module, added));
    return ModuleAssembler.assemble(module, contents, Set.of(Section.START));
  }
}
