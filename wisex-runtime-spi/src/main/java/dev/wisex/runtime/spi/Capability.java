package dev.wisex.runtime.spi;

/**
 * Optional WebAssembly proposals a backend may or may not execute; used to pick a backend that can
 * run a module.
 */
public enum Capability {
  SIMD("the GraalWasm backend (--runtime graal) executes SIMD"),
  THREADS(""),
  MULTI_MEMORY(""),
  MEMORY64(""),
  EXCEPTIONS(""),
  /**
   * Executes tail calls ({@code return_call} and its indirect forms). wisex turns a function's tail
   * calls to itself into loops first, so only other tail calls need it.
   */
  TAIL_CALLS("the Chicory backend (--runtime chicory) executes tail calls"),
  /** Memory imports, satisfied with {@link WasmRuntime#newMemory} memories. */
  IMPORTED_MEMORY("");

  private final String hint;

  Capability(String hint) {
    this.hint = hint;
  }

  /** Where to find a backend with this capability, or empty; appended to selection errors. */
  public String hint() {
    return hint;
  }
}
