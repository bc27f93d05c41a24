package dev.wisex.rewriter.init;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.IoFailures;
import dev.wisex.api.MalformedModuleException;
import dev.wisex.api.RejectedModuleException;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Import;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Wizer's {@code --preload NAME=FILE}: init's imports from module {@code NAME} are served by the
 * exports of another module, instantiated on the same backend. Each preloaded module is
 * instantiated once, on its first call (so on the init thread), and lives as long as init's
 * instance. The output keeps the imports: whoever runs it links the real module again.
 *
 * <p>Only functions cross this link (values are copied as raw bits); an import of a memory, table
 * or global from a preloaded module is refused, since no backend-neutral API can share those
 * between instances.
 */
public final class PreloadedModules implements AutoCloseable {
  private final Map<String, Preloaded> modules = new LinkedHashMap<>();
  private final List<HostFunction> functions = new ArrayList<>();

  private PreloadedModules() {}

  /**
   * Reads each preloaded file and prepares a host function for every import of {@code main} from
   * it.
   *
   * @throws RejectedModuleException if a file cannot be read or parsed, lacks an export {@code
   *     main} imports, has it with another type, or {@code main} imports a non-function from it
   */
  public static PreloadedModules load(
      WasmModule main, Map<String, Path> preloads, WasmRuntime runtime, InstanceConfig config) {
    return load(main, preloads, runtime, config, UnaryOperator.identity());
  }

  /**
   * As above; each preloaded module runs as {@code conform} leaves it: with the engine's known
   * defects and relaxed SIMD rewritten as for the module init runs in, so that a preloaded function
   * computes what the spec says, as on every other engine.
   */
  public static PreloadedModules load(
      WasmModule main,
      Map<String, Path> preloads,
      WasmRuntime runtime,
      InstanceConfig config,
      UnaryOperator<WasmModule> conform) {
    PreloadedModules loaded = new PreloadedModules();
    for (Map.Entry<String, Path> entry : preloads.entrySet()) {
      String name = entry.getKey();
      WasmModule module = parse(name, entry.getValue());
      Preloaded preloaded = new Preloaded(name, module, conform, runtime, config);
      loaded.modules.put(name, preloaded);
      for (Import imp : main.imports()) {
        if (imp.module().equals(name)) {
          loaded.functions.add(preloaded.function(main, imp));
        }
      }
    }
    return loaded;
  }

  /** Host functions for the imports that preloaded modules serve. */
  public List<HostFunction> functions() {
    return functions;
  }

  @Override
  public void close() {
    modules.values().forEach(Preloaded::close);
  }

  private static WasmModule parse(String name, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RejectedModuleException(
          "cannot read the module preloaded as `"
              + name
              + "` from "
              + file
              + ": "
              + IoFailures.reason(e));
    }
    try {
      return ModuleParser.parse(bytes);
    } catch (MalformedModuleException e) {
      throw new RejectedModuleException(
          "the module preloaded as `" + name + "` (" + file + ") is malformed: " + e.getMessage());
    }
  }

  /** One preloaded module and, once called, its instance. */
  private static final class Preloaded {
    private final String name;
    private final WasmModule module;
    private final UnaryOperator<WasmModule> conform;
    private final WasmRuntime runtime;
    private final InstanceConfig config;
    private WasmInstance instance;

    Preloaded(
        String name,
        WasmModule module,
        UnaryOperator<WasmModule> conform,
        WasmRuntime runtime,
        InstanceConfig config) {
      this.name = name;
      this.module = module;
      this.conform = conform;
      this.runtime = runtime;
      this.config = config;
    }

    HostFunction function(WasmModule main, Import imp) {
      if (imp.kind() != ExternalKind.FUNCTION) {
        throw new RejectedModuleException(
            "the module imports the "
                + imp.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " `"
                + imp.qualifiedName()
                + "` from the preloaded module `"
                + name
                + "`; --preload links functions only");
      }
      FuncType wanted = ImportLinker.toSpi(main.types().get(imp.functionTypeIndex()));
      Export export =
          module
              .export(imp.name())
              .filter(e -> e.kind() == ExternalKind.FUNCTION)
              .orElseThrow(
                  () ->
                      new RejectedModuleException(
                          "the preloaded module `"
                              + name
                              + "` exports no function `"
                              + imp.name()
                              + "`, which the module imports"));
      FuncType offered = ImportLinker.toSpi(module.functionType(export.index()));
      if (!offered.equals(wanted)) {
        throw new RejectedModuleException(
            "`"
                + imp.qualifiedName()
                + "` is imported as "
                + wanted
                + " but the preloaded module exports it as "
                + offered);
      }
      String exportName = imp.name();
      return new HostFunction(
          imp.module(), imp.name(), wanted, (memory, args) -> instance().call(exportName, args));
    }

    private synchronized WasmInstance instance() {
      if (instance == null) {
        try {
          WasmModule runnable = conform.apply(module);
          instance =
              runtime.instantiate(
                  runnable.bytes(), ImportLinker.link(runnable, null, runtime), config);
        } catch (InitFailedException e) {
          throw new InitFailedException(
              "the preloaded module `" + name + "` failed to start: " + e.getMessage(), e);
        }
      }
      return instance;
    }

    synchronized void close() {
      if (instance != null) {
        instance.close();
      }
    }
  }
}
