package dev.wisex.rewriter.validate;

import dev.wisex.api.InitRules;
import dev.wisex.api.RejectedModuleException;
import dev.wisex.api.WasmFeatures;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.Global;
import dev.wisex.parser.Import;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.Section;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.analysis.InitOnceFlag;
import dev.wisex.parser.analysis.InstructionSites;
import dev.wisex.rewriter.names.ReservedNames;
import java.util.Map;
import java.util.Optional;

/**
 * Rejects, before anything runs, what wisex cannot snapshot or restore, naming the item and what to
 * change. Doing it first means a module is never executed only to fail at the rewrite.
 */
public final class RestrictionValidator {
  private RestrictionValidator() {}

  /**
   * @return the module's once-flag, which the rewrite uses (see {@link InitOnceFlag}), so that it
   *     is found once per run
   */
  public static Optional<InitOnceFlag> validate(
      WasmModule module, CodeFeatures code, InitRules rules, WasmFeatures features) {
    rejectImports(module);
    // A proposal the user switched off is the first thing to tell: before what it would need.
    checkFeatures(module, features);
    // An imported shared memory needs the module's own once-flag.
    Optional<InitOnceFlag> onceFlag = InitOnceFlag.of(module);
    rejectUnsnapshottableGlobals(module);
    rejectTableMutation(code);
    rejectReservedExports(module);
    checkInitFunc(module, rules);
    checkRenames(module, rules);
    checkCodeFeatures(module, code, features);
    checkMemoryIndices(module, code);
    return onceFlag;
  }

  /**
   * The engine validates the module only when it instantiates it, after the instrumentation, which
   * indexes per-memory state by the memory an instruction names; an index past the module's
   * memories is the module's fault and is reported as such.
   */
  private static void checkMemoryIndices(WasmModule module, CodeFeatures code) {
    int memories = module.allMemories().size();
    if (code.maxMemoryIndex() >= memories) {
      throw new RejectedModuleException(
          "the module is invalid: its code uses memory "
              + code.maxMemoryIndex()
              + ", but the module has "
              + memories
              + (memories == 1 ? " memory" : " memories"));
    }
  }

  /**
   * Tables are not snapshotted, so code that could change one during init is refused, as Wizer
   * refuses it; function references have no identity that a snapshot could record.
   */
  private static void rejectTableMutation(CodeFeatures code) {
    if (code.tableMutation()) {
      throw new RejectedModuleException(
          "module contains instructions that change tables (table.set, table.grow, table.fill, table.copy, "
              + "table.init or elem.drop); tables cannot be snapshotted, so wisex refuses such modules like Wizer");
    }
  }

  private static void checkCodeFeatures(
      WasmModule module, CodeFeatures code, WasmFeatures features) {
    if (!features.simd() && code.simd()) {
      reject("SIMD", "its code uses v128 instructions or locals", "--wasm-simd");
    }
    if (!features.relaxedSimd()
        && code.simd()
        && !InstructionSites.of(module, InstructionSites::relaxedSimd).isEmpty()) {
      reject(
          "relaxed SIMD",
          "its code uses relaxed SIMD instructions such as i8x16.relaxed_swizzle",
          "--wasm-relaxed-simd");
    }
    if (!features.bulkMemory() && code.bulkMemory()) {
      reject(
          "bulk memory",
          "its code uses memory.init, data.drop, memory.copy or memory.fill",
          "--wasm-bulk-memory");
    }
    if (!features.referenceTypes() && code.referenceTypes()) {
      reject("reference types", "its code uses reference instructions", "--wasm-reference-types");
    }
    if (!features.threads() && code.atomics()) {
      reject("threads", "its code uses atomic instructions", "--wasm-threads");
    }
  }

  private static void rejectImports(WasmModule module) {
    for (Import imp : module.imports()) {
      switch (imp.kind()) {
        case GLOBAL ->
            throw new RejectedModuleException(
                "module imports global `"
                    + imp.qualifiedName()
                    + "`; imported globals cannot be snapshotted: define the global in the module instead");
        case TABLE ->
            throw new RejectedModuleException(
                "module imports table `"
                    + imp.qualifiedName()
                    + "`; imported tables cannot be snapshotted: define the table in the module instead");
        default -> {
          // functions are linked to host stubs; memories are created from the import's type and
          // snapshotted like defined ones; tags carry no state
        }
      }
    }
  }

  private static void rejectUnsnapshottableGlobals(WasmModule module) {
    int imported = module.importCount(ExternalKind.GLOBAL);
    for (int i = 0; i < module.globals().size(); i++) {
      Global g = module.globals().get(i);
      if (g.type().valueType() == ValueType.OTHER_REF) {
        throw new RejectedModuleException(
            "global "
                + (imported + i)
                + " has a typed reference type (function references / GC "
                + "proposal), which wisex does not support");
      }
      if (g.type().mutable() && g.type().valueType().isReference()) {
        throw new RejectedModuleException(
            "global "
                + (imported + i)
                + " is a mutable "
                + g.type().valueType().watName()
                + "; reference values cannot be snapshotted: make it immutable or store an index instead");
      }
    }
  }

  private static void rejectReservedExports(WasmModule module) {
    for (Export e : module.exports()) {
      if (ReservedNames.isReserved(e.name())) {
        throw new RejectedModuleException(
            "module exports `"
                + e.name()
                + "`, a name reserved for wisex's instrumentation: rename the export");
      }
    }
  }

  private static void checkInitFunc(WasmModule module, InitRules rules) {
    String name = rules.initFunc();
    Export init =
        module
            .export(name)
            .orElseThrow(
                () ->
                    new RejectedModuleException(
                        "module does not export an init function named `"
                            + name
                            + "`: export one or pass its name with --init-func"
                            + InitFuncSuggestions.sentence(module)));
    if (init.kind() != ExternalKind.FUNCTION) {
      throw new RejectedModuleException(
          "export `"
              + name
              + "` is a "
              + init.kind().word()
              + ", not a function: pass the init function with --init-func");
    }
    FunctionType type = module.functionType(init.index());
    if (!type.params().isEmpty() || !type.results().isEmpty()) {
      throw new RejectedModuleException(
          "init function `"
              + name
              + "` must take no parameters and return nothing, but its type is "
              + describe(type));
    }
  }

  private static void checkRenames(WasmModule module, InitRules rules) {
    for (Map.Entry<String, String> rename : rules.renameFuncs().entrySet()) {
      String src = rename.getValue();
      // Any kind of export, as Wizer renames them: a memory, a global or a table too.
      module
          .export(src)
          .orElseThrow(
              () ->
                  new RejectedModuleException(
                      "cannot rename `"
                          + src
                          + "` to `"
                          + rename.getKey()
                          + "`: the module has no export named `"
                          + src
                          + "`"));
      if (src.equals(rules.initFunc()) && !rules.keepInitFunc()) {
        throw new RejectedModuleException(
            "cannot rename the init function `"
                + src
                + "`: it is removed from the output; add --keep-init-func");
      }
    }
  }

  private static void checkFeatures(WasmModule module, WasmFeatures features) {
    var memories = module.allMemories();
    if (!features.multiMemory() && memories.size() > 1) {
      reject(
          "multi-memory",
          "the module defines " + memories.size() + " memories",
          "--wasm-multi-memory");
    }
    for (MemoryType m : memories) {
      if (!features.memory64() && m.memory64()) {
        reject("memory64", "the module has a 64-bit memory", "--wasm-memory64");
      }
      if (!features.threads() && m.shared()) {
        reject("threads", "the module has a shared memory", "--wasm-threads");
      }
      if (m.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
        throw new RejectedModuleException(
            "a memory uses a custom page size (2^"
                + m.pageSizeLog2()
                + " bytes), which wisex does not support");
      }
    }
    for (FunctionType t : module.types()) {
      if (!features.multiValue() && t.results().size() > 1) {
        reject(
            "multi-value",
            "a function type returns " + t.results().size() + " values",
            "--wasm-multi-value");
      }
      if (!features.simd()
          && (t.params().contains(ValueType.V128) || t.results().contains(ValueType.V128))) {
        reject("SIMD", "a function type uses v128", "--wasm-simd");
      }
    }
    for (Global g : module.globals()) {
      if (!features.simd() && g.type().valueType() == ValueType.V128) {
        reject("SIMD", "a global has type v128", "--wasm-simd");
      }
      if (!features.referenceTypes() && g.type().valueType().isReference()) {
        reject("reference types", "a global has a reference type", "--wasm-reference-types");
      }
    }
    boolean passive = module.data().stream().anyMatch(d -> !d.active());
    if (!features.bulkMemory() && (passive || module.section(Section.DATA_COUNT).isPresent())) {
      reject(
          "bulk memory",
          "the module has passive data segments or a data count section",
          "--wasm-bulk-memory");
    }
  }

  private static void reject(String feature, String evidence, String flag) {
    throw new RejectedModuleException(
        "module uses "
            + feature
            + " ("
            + evidence
            + "), which is disabled: enable it with "
            + flag
            + "=true");
  }

  static String describe(FunctionType type) {
    return "["
        + String.join(" ", type.params().stream().map(ValueType::watName).toList())
        + "] -> ["
        + String.join(" ", type.results().stream().map(ValueType::watName).toList())
        + "]";
  }
}
