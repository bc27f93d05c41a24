package dev.wisex.cli;

import dev.wisex.api.WasmFeatures;

/**
 * Wizer's {@code --wasm-*} switches. Defaults come from {@link WasmFeatures#defaults()} so the CLI
 * and the library cannot disagree.
 */
final class FeatureOptions {
  private static final WasmFeatures DEFAULTS = WasmFeatures.defaults();

  static final Opt<Boolean> MULTI_MEMORY =
      feature("--wasm-multi-memory", DEFAULTS.multiMemory(), "Allow more than one memory");

  static final Opt<Boolean> MULTI_VALUE =
      feature(
          "--wasm-multi-value",
          DEFAULTS.multiValue(),
          "Allow functions and blocks with several results");

  static final Opt<Boolean> BULK_MEMORY =
      feature("--wasm-bulk-memory", DEFAULTS.bulkMemory(), "Allow bulk memory operations");

  static final Opt<Boolean> SIMD = feature("--wasm-simd", DEFAULTS.simd(), "Allow 128-bit SIMD");

  static final Opt<Boolean> REFERENCE_TYPES =
      feature("--wasm-reference-types", DEFAULTS.referenceTypes(), "Allow reference types");

  static final Opt<Boolean> THREADS =
      feature("--wasm-threads", DEFAULTS.threads(), "Allow threads and shared memories");

  static final Opt<Boolean> MEMORY64 =
      feature("--wasm-memory64", DEFAULTS.memory64(), "Allow 64-bit memories");

  /** Unset: follows {@code --wasm-simd}, so switching SIMD off switches its extension off too. */
  static final Opt<Boolean> RELAXED_SIMD =
      Opt.<Boolean>of(Boolean.class, "--wasm-relaxed-simd")
          .optionalBool()
          .description(
              "Allow relaxed SIMD (default: true, false with --wasm-simd=false; it needs --wasm-simd).");

  static final Opt<Boolean> RELAXED_SIMD_DETERMINISTIC =
      Opt.<Boolean>of(boolean.class, "--relaxed-simd-deterministic")
          .optionalBool()
          .initially(DEFAULTS.relaxedSimdDeterministic())
          .description(
              "Run init with the results the Wasm spec's deterministic profile prescribes for relaxed"
                  + " SIMD, so the snapshot never depends on the host CPU; the output keeps its"
                  + " relaxed instructions (default: ${DEFAULT-VALUE}).");

  static final OptionGroup GROUP =
      new OptionGroup(
          "%nWebAssembly features (BOOL is true or false):%n",
          3,
          MULTI_MEMORY,
          MULTI_VALUE,
          BULK_MEMORY,
          SIMD,
          REFERENCE_TYPES,
          THREADS,
          MEMORY64,
          RELAXED_SIMD,
          RELAXED_SIMD_DETERMINISTIC);

  private FeatureOptions() {}

  /** A {@code --wasm-*} switch: what it allows, and its default from the library. */
  private static Opt<Boolean> feature(String name, boolean initially, String allows) {
    return Opt.<Boolean>of(boolean.class, name)
        .optionalBool()
        .initially(initially)
        .description(allows + " (default: ${DEFAULT-VALUE}).");
  }

  /**
   * @throws IllegalArgumentException for {@code --wasm-simd=false --wasm-relaxed-simd} (a usage
   *     error)
   */
  static WasmFeatures toFeatures(OptionValues parsed) {
    boolean simd = parsed.get(SIMD);
    Boolean relaxedSimd = parsed.get(RELAXED_SIMD);
    return new WasmFeatures(
        parsed.get(MULTI_MEMORY),
        parsed.get(MULTI_VALUE),
        parsed.get(BULK_MEMORY),
        simd,
        parsed.get(REFERENCE_TYPES),
        parsed.get(THREADS),
        parsed.get(MEMORY64),
        relaxedSimd != null ? relaxedSimd : simd && DEFAULTS.relaxedSimd(),
        parsed.get(RELAXED_SIMD_DETERMINISTIC));
  }
}
