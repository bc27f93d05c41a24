package dev.wisex.runtime.graal;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.Import;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.write.ReservedExports;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this backend must know about a module before GraalWasm sees it, read with wisex's parser:
 * signatures (to convert raw bits to the boxed values GraalWasm expects), imports (to name a
 * missing one), exports, memories and the start function.
 *
 * <p>It also prepares the bytes GraalWasm instantiates. A host function must receive its calling
 * instance's memory 0, but GraalWasm runs the start function inside {@code newInstance}, before the
 * embedder holds the instance. So the start section is removed and its function exported under a
 * reserved name, to be called once right after instantiation (the spec's order: segments first,
 * then start), and memory 0 is exported under a reserved name when the module does not export it
 * itself. Nothing else changes.
 *
 * <p>Input the parser refuses is not diagnosed here: it goes to GraalWasm unchanged, and
 * GraalWasm's own parser reports the problem.
 */
final class ModuleInfo {
  /**
   * The most pages GraalWasm's byte-array (on-heap) memory holds: a module with a larger memory
   * needs its unsafe (off-heap) memory, and {@link GraalRuntime#memoryOnHeap} answers by the same
   * bound.
   */
  static final long BYTE_ARRAY_MEMORY_PAGES = 32_767;

  private final List<Import> imports;
  private final List<FuncType> types;
  private final List<FuncType> functionTypes;
  private final List<ValType> globalTypes;
  private final Map<String, Export> exports;
  private final ReservedExports reserved;
  private final boolean memory64;
  private final boolean largeMemory;
  private final byte[] prepared;
  private final String startExport;
  private final String memoryExport;

  private ModuleInfo(byte[] bytes, WasmModule module) {
    this.imports = module.imports();
    this.types = module.types().stream().map(ModuleInfo::toSpi).toList();
    List<FuncType> functions = new ArrayList<>();
    List<ValType> globals = new ArrayList<>();
    for (Import i : imports) {
      if (i.kind() == ExternalKind.FUNCTION) {
        functions.add(types.get(i.functionTypeIndex()));
      } else if (i.kind() == ExternalKind.GLOBAL) {
        globals.add(toSpi(i.global().valueType()));
      }
    }
    for (int typeIndex : module.functionTypes()) {
      functions.add(types.get(typeIndex));
    }
    module.globals().forEach(g -> globals.add(toSpi(g.type().valueType())));
    this.functionTypes = functions;
    this.globalTypes = globals;
    this.exports = new HashMap<>();
    module.exports().forEach(e -> exports.put(e.name(), e));
    List<MemoryType> memories = module.allMemories();
    this.memory64 =
        memories.stream().anyMatch(MemoryType::memory64)
            || module.tables().stream().anyMatch(t -> t.table64());
    this.largeMemory =
        memories.stream()
            .anyMatch(
                m ->
                    !m.hasMaximum()
                        || Long.compareUnsigned(m.maximum(), BYTE_ARRAY_MEMORY_PAGES) > 0);

    ReservedExports added = new ReservedExports(module);
    this.startExport = added.start("__wisex_graal_start");
    this.memoryExport = added.memoryZero("__wisex_graal_memory0");
    this.reserved = added;
    this.prepared = added.assemble(Map.of());
  }

  /** A module the parser refuses: handed on unchanged, with nothing known about it. */
  private ModuleInfo(byte[] bytes) {
    this.imports = List.of();
    this.types = List.of();
    this.functionTypes = List.of();
    this.globalTypes = List.of();
    this.exports = Map.of();
    this.memory64 = false;
    this.largeMemory = false;
    this.prepared = bytes;
    this.startExport = null;
    this.memoryExport = null;
    this.reserved = null;
  }

  static ModuleInfo read(byte[] bytes) {
    WasmModule module;
    try {
      module = ModuleParser.parse(bytes);
    } catch (MalformedModuleException e) {
      // GraalWasm's parser explains what is wrong, or runs what wisex's parser does not read.
      return new ModuleInfo(bytes);
    }
    return new ModuleInfo(bytes, module);
  }

  /** The bytes to hand to GraalWasm: no start section; start function and memory 0 exported. */
  byte[] prepared() {
    return prepared;
  }

  /** The reserved export that runs the start function, or {@code null} if the module has none. */
  String startExport() {
    return startExport;
  }

  /** An export of memory 0 (the module's own or a reserved one), or {@code null} without memory. */
  String memoryExport() {
    return memoryExport;
  }

  List<Import> imports() {
    return imports;
  }

  /** The module's own export of this name, or {@code null} (reserved names included). */
  Export export(String name) {
    return reserved != null && reserved.isReserved(name) ? null : exports.get(name);
  }

  boolean usesMemory64() {
    return memory64;
  }

  /** Whether a memory may grow past the 32,767 pages of GraalWasm's byte-array memory. */
  boolean mayExceedByteArrayMemory() {
    return largeMemory;
  }

  /** The signature of a type index, or {@code null} if unknown. */
  FuncType type(int typeIndex) {
    return typeIndex >= 0 && typeIndex < types.size() ? types.get(typeIndex) : null;
  }

  /** The signature of a function index, or {@code null} if unknown. */
  FuncType functionType(int functionIndex) {
    return functionIndex >= 0 && functionIndex < functionTypes.size()
        ? functionTypes.get(functionIndex)
        : null;
  }

  /** The value type of a global index, or {@code null} if unknown. */
  ValType globalType(int globalIndex) {
    return globalIndex >= 0 && globalIndex < globalTypes.size()
        ? globalTypes.get(globalIndex)
        : null;
  }

  private static FuncType toSpi(FunctionType type) {
    return FuncType.of(
        type.params().stream().map(ModuleInfo::toSpi).toList(),
        type.results().stream().map(ModuleInfo::toSpi).toList());
  }

  /**
   * Typed and exception references travel as opaque references like {@code externref}: this backend
   * converts every reference the same way.
   */
  private static ValType toSpi(ValueType type) {
    return ValType.ofCode(type.code()).orElse(ValType.EXTERNREF);
  }
}
