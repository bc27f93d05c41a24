package dev.wisex.rewriter.init;

import dev.wisex.api.InitFailedException;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.Import;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.MemoryImport;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.wasix.WasixHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links every import for init: functions and memories. The caller's own host functions win;
 * WASI/WASIX imports come from the {@link WasixHost} when WASI is allowed; any other import gets a
 * stub that fails init when called (instantiation itself must not fail: many modules import
 * functions that init never calls).
 */
public final class ImportLinker {
  private ImportLinker() {}

  /** Links without WASI: every import is a stub; for modules that import no memory. */
  public static HostImports link(WasmModule module) {
    return link(module, null);
  }

  /**
   * For modules that import no memory.
   *
   * @param wasi the WASI/WASIX host, or {@code null} when WASI is not allowed
   */
  public static HostImports link(WasmModule module, WasixHost wasi) {
    return link(module, wasi, null, List.of());
  }

  /** Links as {@link #link(WasmModule, WasixHost, WasmRuntime, List)} with no own functions. */
  public static HostImports link(WasmModule module, WasixHost wasi, WasmRuntime runtime) {
    return link(module, wasi, runtime, List.of());
  }

  /**
   * Links functions as above and gives every memory import a fresh zero-filled memory of the
   * import's own type, made by {@code runtime}: a new memory is what an embedder hands a module
   * that starts from scratch.
   *
   * @param wasi the WASI/WASIX host, or {@code null} when WASI is not allowed
   * @param runtime the backend that will instantiate the module, or {@code null} if it imports no
   *     memory
   * @param custom the library user's host functions; each replaces whatever else would link the
   *     import of the same name, and must have the import's type. Those the module does not import
   *     are ignored, so one set can serve many modules.
   */
  public static HostImports link(
      WasmModule module, WasixHost wasi, WasmRuntime runtime, List<HostFunction> custom) {
    return new HostImports(functions(module, wasi, custom), memories(module, runtime));
  }

  private static List<MemoryImport> memories(WasmModule module, WasmRuntime runtime) {
    List<MemoryImport> memories = new ArrayList<>();
    for (Import imp : module.imports(ExternalKind.MEMORY)) {
      if (runtime == null) {
        throw new IllegalArgumentException(
            "module imports the memory `" + imp.qualifiedName() + "`; pass the runtime to link it");
      }
      MemoryType type = imp.memory();
      if (type.hasMaximum() && type.minimum() > type.maximum()) {
        throw new InitFailedException(
            "module is invalid: memory import `"
                + imp.qualifiedName()
                + "` has a minimum above its maximum");
      }
      HostMemory memory =
          runtime.newMemory(
              new MemoryLimits(type.minimum(), type.maximum(), type.shared(), type.memory64()));
      memories.add(new MemoryImport(imp.module(), imp.name(), memory));
    }
    return memories;
  }

  private static List<HostFunction> functions(
      WasmModule module, WasixHost wasi, List<HostFunction> custom) {
    Map<String, HostFunction> byName = new HashMap<>();
    custom.forEach(f -> byName.put(f.qualifiedName(), f));
    List<HostFunction> functions = new ArrayList<>();
    for (Import imp : module.imports(ExternalKind.FUNCTION)) {
      FuncType type = toSpi(module.types().get(imp.functionTypeIndex()));
      HostFunction own = byName.get(imp.qualifiedName());
      if (own != null) {
        functions.add(checked(own, type));
        continue;
      }
      Optional<HostFunction> host =
          wasi == null ? Optional.empty() : wasi.function(imp.module(), imp.name(), type);
      functions.add(host.orElseGet(() -> stub(imp, type)));
    }
    return functions;
  }

  private static HostFunction checked(HostFunction own, FuncType imported) {
    if (!own.type().equals(imported)) {
      throw new InitFailedException(
          "host function `"
              + own.qualifiedName()
              + "` has type "
              + own.type().describe()
              + " but the module imports it as "
              + imported.describe()
              + "; declare the host function with the import's type");
    }
    return own;
  }

  /** Whether the module imports any function from a WASI/WASIX namespace. */
  public static boolean importsWasi(WasmModule module) {
    return module.imports(ExternalKind.FUNCTION).stream().anyMatch(i -> WasixHost.owns(i.module()));
  }

  private static HostFunction stub(Import imp, FuncType type) {
    String name = imp.qualifiedName();
    String message =
        WasixHost.owns(imp.module())
            ? "init called import `"
                + name
                + "`, a WASI function, but WASI is off during pre-initialization; "
                + "pass --allow-wasi (library: allowWasi(true)) to provide it"
            : "init called import `"
                + name
                + "`, which has no host during pre-initialization; "
                + "do not call it from init, or provide it (--allow-wasi for WASI/WASIX imports)";
    return new HostFunction(
        imp.module(),
        imp.name(),
        type,
        (memory, args) -> {
          throw new InitFailedException(message);
        });
  }

  static FuncType toSpi(FunctionType type) {
    return new FuncType(
        type.params().stream().map(ImportLinker::toSpi).toList(),
        type.results().stream().map(ImportLinker::toSpi).toList());
  }

  static ValType toSpi(ValueType type) {
    return ValType.ofCode(type.code())
        .orElseThrow(
            () ->
                new dev.wisex.api.RejectedModuleException(
                    "an imported function uses the reference type `"
                        + type.watName()
                        + "`, which wisex cannot link"));
  }
}
