package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.HostImports;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The steps from bytes to a started instance, each with the failure translation that fits its
 * phase.
 */
final class Instantiation {
  private Instantiation() {}

  static ChicoryInstance run(byte[] bytes, HostImports imports, ExecutionMode mode, Path cacheDir) {
    ModuleLoader.Loaded loaded =
        ModuleLoader.load(bytes, digest -> Machines.cached(digest, mode, cacheDir));
    WasmModule module = loaded.module();
    Validation validation = loaded.validation();
    ImportValues importValues = validation.beforeFailing(() -> HostLinker.link(module, imports));
    LoadedMachines.Compiled compiled =
        validation.beforeFailing(
            () ->
                Machines.forMode(module, mode, cacheDir, CompileRate.codeBytes(bytes), validation));
    validation.await();
    Instance instance = build(compiled.module(), importValues, compiled.machines());
    // Initialization runs guest code (the start function), so its failures are traps, unlike those
    // of build(), which only links. `false`: Chicory would also call an exported `_start`, which
    // for a WASI command is main(); pre-initialization must run the start section and nothing else.
    Failures.executing(() -> instance.initialize(false));
    return new ChicoryInstance(instance);
  }

  /** Whether any function holds an instruction of the threads proposal ({@code 0xFE} prefix). */
  static boolean usesAtomics(WasmModule module) {
    for (FunctionBody body : module.codeSection().functionBodies()) {
      for (Instruction instruction : body.instructions()) {
        if ((instruction.opcode().opcode() & 0xFF00) == 0xFE00) {
          return true;
        }
      }
    }
    return false;
  }

  private static Instance build(
      WasmModule module, ImportValues importValues, Function<Instance, Machine> machineFactory) {
    try {
      return Instance.builder(module)
          .withImportValues(importValues)
          .withMachineFactory(machineFactory)
          // The module's own memories as byte arrays read through VarHandles, like the imported
          // ones (ChicoryHostMemory): faster than the default ByteBuffer memory, whose bounds and
          // session checks C1 does not remove (quickjs init 5.4 -> 4.5 s, uap 1.8 -> 1.6 s).
          // But Chicory 1.7.5's byte-array memory fails every atomic access wider than a byte to
          // a memory that is not shared ("out of bounds memory access", wherever it is), which the
          // threads proposal allows: such a module keeps the ByteBuffer memory for those.
          .withMemoryFactory(
              usesAtomics(module)
                  ? limits ->
                      limits.shared() ? new ByteArrayMemory(limits) : new ByteBufferMemory(limits)
                  : ByteArrayMemory::new)
          // By default build() also initializes, mixing link errors with traps; run() does that
          // step itself.
          .withInitialize(false)
          .build();
    } catch (RuntimeException e) {
      throw Failures.linking(e);
    }
  }
}
