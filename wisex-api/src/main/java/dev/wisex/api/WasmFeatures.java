package dev.wisex.api;

/**
 * WebAssembly proposals a module may use, mirroring Wizer's {@code --wasm-*} switches. A module
 * that uses a disabled feature is rejected before it runs, so the output never depends on an
 * unintended proposal.
 */
public record WasmFeatures(
    boolean multiMemory,
    boolean multiValue,
    boolean bulkMemory,
    boolean simd,
    boolean referenceTypes,
    boolean threads,
    boolean memory64) {

  /**
   * Everything on: WASIX modules need threads and bulk memory, and toolchains emit multi-value and
   * reference types by default. Users switch a proposal off to make sure a module does not use it.
   */
  public static WasmFeatures defaults() {
    return new WasmFeatures(true, true, true, true, true, true, true);
  }
}
