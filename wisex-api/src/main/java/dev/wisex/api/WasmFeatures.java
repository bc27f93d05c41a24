package dev.wisex.api;

/**
 * WebAssembly proposals a module may use, mirroring Wizer's {@code --wasm-*} switches. A module
 * that uses a disabled feature is rejected before it runs, so the output never depends on an
 * unintended proposal.
 *
 * @param relaxedSimd allow the relaxed SIMD instructions ({@code i8x16.relaxed_swizzle}, {@code
 *     f32x4.relaxed_madd}, …); they extend SIMD, so this needs {@code simd}
 * @param relaxedSimdDeterministic run init with the results the WebAssembly 3.0 spec's
 *     deterministic profile prescribes for each relaxed SIMD instruction, instead of whatever the
 *     engine (and the CPU under it) picks: the snapshot then never depends on the machine that took
 *     it. Only the module init runs in is changed; the output keeps its relaxed instructions.
 */
public record WasmFeatures(
    boolean multiMemory,
    boolean multiValue,
    boolean bulkMemory,
    boolean simd,
    boolean referenceTypes,
    boolean threads,
    boolean memory64,
    boolean relaxedSimd,
    boolean relaxedSimdDeterministic) {

  /**
   * @throws IllegalArgumentException if relaxed SIMD is on while SIMD is off
   */
  public WasmFeatures {
    if (relaxedSimd && !simd) {
      throw new IllegalArgumentException(
          "relaxed SIMD extends SIMD: --wasm-relaxed-simd needs --wasm-simd; "
              + "enable SIMD or pass --wasm-relaxed-simd=false");
    }
  }

  /**
   * The seven switches wisex had before relaxed SIMD: relaxed SIMD follows {@code simd}, and runs
   * deterministically.
   */
  public WasmFeatures(
      boolean multiMemory,
      boolean multiValue,
      boolean bulkMemory,
      boolean simd,
      boolean referenceTypes,
      boolean threads,
      boolean memory64) {
    this(multiMemory, multiValue, bulkMemory, simd, referenceTypes, threads, memory64, simd, true);
  }

  /**
   * Everything on: WASIX modules need threads and bulk memory, and toolchains emit multi-value and
   * reference types by default. Users switch a proposal off to make sure a module does not use it.
   * Relaxed SIMD runs deterministically, as {@code wasmtime wizer} does by default, so a snapshot
   * is the same on every host CPU.
   */
  public static WasmFeatures defaults() {
    return new WasmFeatures(true, true, true, true, true, true, true, true, true);
  }
}
