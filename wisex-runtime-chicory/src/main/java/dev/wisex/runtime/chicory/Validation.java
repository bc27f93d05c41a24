package dev.wisex.runtime.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CustomSection;
import dev.wisex.api.InitFailedException;
import java.util.function.Supplier;

/**
 * Chicory's validation of a module decoded without it, on a thread of its own while the caller
 * compiles the same module: after init itself they are the two largest parts of a cold start
 * (sqlite: ~0.15 s and ~0.5 s of processor time), and Chicory's validator reads only the module.
 * Nothing made from the module is used before {@link #await} has said that it is valid, and when
 * both fail, the module's invalidity is what is reported.
 */
final class Validation {
  /** For bytes the compile cache vouches for: validated by the run that wrote the entry. */
  static final Validation DONE = new Validation();

  private Thread thread;
  // Written by the validating thread before it ends; read after join(), which orders the two.
  private RuntimeException refusal;
  private Error error;

  private Validation() {}

  /** Starts validating {@code decoded}. */
  static Validation start(WasmModule decoded) {
    Validation validation = new Validation();
    validation.thread =
        Thread.ofPlatform()
            .name("wisex-validate")
            .daemon()
            .start(
                () -> {
                  try {
                    validate(decoded);
                  } catch (RuntimeException e) {
                    validation.refusal = e;
                  } catch (Error e) {
                    validation.error = e;
                  }
                });
    return validation;
  }

  /**
   * Returns once the module is known to be valid.
   *
   * @throws InitFailedException if it is not, as {@link ModuleLoader} words it
   */
  void await() {
    if (thread == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        // Validation is short and its verdict decides what the caller reports: wait it out, and
        // leave the interrupt for the caller's next step (the stop of a race, a timeout).
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (refusal != null) {
      throw refusal;
    }
    if (error != null) {
      throw error;
    }
  }

  /** Runs {@code step}, but reports the module's invalidity instead of its failure, if any. */
  <T> T beforeFailing(Supplier<T> step) {
    try {
      return step.get();
    } catch (RuntimeException | Error e) {
      await();
      throw e;
    }
  }

  // The builder validates what it builds, as the parser's does; the copy shares every section.
  private static void validate(WasmModule decoded) {
    WasmModule.Builder copy =
        WasmModule.builder()
            .setTypeSection(decoded.typeSection())
            .setImportSection(decoded.importSection())
            .setFunctionSection(decoded.functionSection())
            .setTableSection(decoded.tableSection())
            .setGlobalSection(decoded.globalSection())
            .setExportSection(decoded.exportSection())
            .setElementSection(decoded.elementSection())
            .setCodeSection(decoded.codeSection())
            .setDataSection(decoded.dataSection())
            .withValidation(true);
    decoded.memorySection().ifPresent(copy::setMemorySection);
    decoded.startSection().ifPresent(copy::setStartSection);
    decoded.dataCountSection().ifPresent(copy::setDataCountSection);
    decoded.tagSection().ifPresent(copy::setTagSection);
    for (CustomSection custom : decoded.customSections()) {
      copy.addCustomSection(custom.name(), custom);
    }
    decoded.ignoredSections().forEach(copy::addIgnoredSection);
    ModuleLoader.refusingInvalid(copy::build);
  }
}
