package dev.wisex.cli;

import dev.wisex.api.WasmFeatures;
import picocli.CommandLine.Option;

/**
 * Wizer's {@code --wasm-*} switches. Defaults come from {@link WasmFeatures#defaults()} so the CLI
 * and the library cannot disagree.
 */
final class FeatureOptions {
  private static final WasmFeatures DEFAULTS = WasmFeatures.defaults();

  @Option(
      names = "--wasm-multi-memory",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Allow more than one memory (default: ${DEFAULT-VALUE}).")
  boolean multiMemory = DEFAULTS.multiMemory();

  @Option(
      names = "--wasm-multi-value",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Allow functions and blocks with several results (default: ${DEFAULT-VALUE}).")
  boolean multiValue = DEFAULTS.multiValue();

  @Option(
      names = "--wasm-bulk-memory",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Allow bulk memory operations (default: ${DEFAULT-VALUE}).")
  boolean bulkMemory = DEFAULTS.bulkMemory();

  @Option(
      names = "--wasm-simd",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Allow 128-bit SIMD (default: ${DEFAULT-VALUE}).")
  boolean simd = DEFAULTS.simd();

  @Option(
      names = "--wasm-reference-types",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Allow reference types (default: ${DEFAULT-VALUE}).")
  boolean referenceTypes = DEFAULTS.referenceTypes();

  @Option(
      names = "--wasm-threads",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Allow threads and shared memories (default: ${DEFAULT-VALUE}).")
  boolean threads = DEFAULTS.threads();

  @Option(
      names = "--wasm-memory64",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Allow 64-bit memories (default: ${DEFAULT-VALUE}).")
  boolean memory64 = DEFAULTS.memory64();

  /** Unset: follows {@code --wasm-simd}, so switching SIMD off switches its extension off too. */
  @Option(
      names = "--wasm-relaxed-simd",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Allow relaxed SIMD (default: true, false with --wasm-simd=false; it needs --wasm-simd).")
  Boolean relaxedSimd;

  @Option(
      names = "--relaxed-simd-deterministic",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Run init with the results the Wasm spec's deterministic profile prescribes for relaxed"
              + " SIMD, so the snapshot never depends on the host CPU; the output keeps its"
              + " relaxed instructions (default: ${DEFAULT-VALUE}).")
  boolean relaxedSimdDeterministic = DEFAULTS.relaxedSimdDeterministic();

  /**
   * @throws IllegalArgumentException for {@code --wasm-simd=false --wasm-relaxed-simd} (a usage
   *     error)
   */
  WasmFeatures toFeatures() {
    return new WasmFeatures(
        multiMemory,
        multiValue,
        bulkMemory,
        simd,
        referenceTypes,
        threads,
        memory64,
        relaxedSimd != null ? relaxedSimd : simd && DEFAULTS.relaxedSimd(),
        relaxedSimdDeterministic);
  }
}
