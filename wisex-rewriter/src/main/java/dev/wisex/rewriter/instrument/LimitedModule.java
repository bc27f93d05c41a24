package dev.wisex.rewriter.instrument;

import java.util.Optional;

/**
 * The module init actually runs: the instrumented module plus the code that enforces {@code --fuel}
 * and {@code --max-memory}.
 *
 * @param bytes the module to instantiate
 * @param startExport the export to call right after instantiation in place of the start section, if
 *     the start function had to be moved out to be metered
 * @param fuel whether the {@code __wisex_fuel} global exists
 * @param memoryCap whether the {@code __wisex_limit_hit} global exists
 * @param capPages per memory index, the most pages it may grow to during init
 * @param engine the engine's own limit, which {@code capPages} also respects
 * @param frameBudget whether the {@code __wisex_frame_bytes} global exists ({@link FrameBudget})
 */
public record LimitedModule(
    byte[] bytes,
    Optional<String> startExport,
    boolean fuel,
    boolean memoryCap,
    long[] capPages,
    EngineMemoryLimit engine,
    boolean frameBudget) {
  public LimitedModule(
      byte[] bytes,
      Optional<String> startExport,
      boolean fuel,
      boolean memoryCap,
      long[] capPages,
      EngineMemoryLimit engine) {
    this(bytes, startExport, fuel, memoryCap, capPages, engine, false);
  }

  /** The same module with other code, as a later pass leaves it. */
  LimitedModule withBytes(byte[] code) {
    return new LimitedModule(code, startExport, fuel, memoryCap, capPages, engine, frameBudget);
  }

  /** The same module with its large frames counted ({@link FrameBudget}). */
  LimitedModule withFrameBudget(byte[] code) {
    return new LimitedModule(code, startExport, fuel, memoryCap, capPages, engine, true);
  }

  /** The module unchanged: no limit needs code. */
  static LimitedModule unchanged(byte[] bytes, long[] capPages, EngineMemoryLimit engine) {
    return new LimitedModule(bytes, Optional.empty(), false, false, capPages, engine);
  }
}
