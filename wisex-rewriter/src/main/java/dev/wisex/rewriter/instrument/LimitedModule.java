package dev.wisex.rewriter.instrument;

import java.util.List;
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
 * @param hostSegments the active data segments the host writes after instantiation, before the
 *     start function, in order ({@link HostAppliedSegments}); mostly none
 */
public record LimitedModule(
    byte[] bytes,
    Optional<String> startExport,
    boolean fuel,
    boolean memoryCap,
    long[] capPages,
    EngineMemoryLimit engine,
    boolean frameBudget,
    List<HostAppliedSegments.Segment> hostSegments) {
  public LimitedModule {
    hostSegments = List.copyOf(hostSegments);
  }

  public LimitedModule(
      byte[] bytes,
      Optional<String> startExport,
      boolean fuel,
      boolean memoryCap,
      long[] capPages,
      EngineMemoryLimit engine) {
    this(bytes, startExport, fuel, memoryCap, capPages, engine, false, List.of());
  }

  /** The same module with other code, as a later pass leaves it. */
  LimitedModule withBytes(byte[] code) {
    return new LimitedModule(
        code, startExport, fuel, memoryCap, capPages, engine, frameBudget, hostSegments);
  }

  /** The same module with its large frames counted ({@link FrameBudget}). */
  LimitedModule withFrameBudget(byte[] code) {
    return new LimitedModule(
        code, startExport, fuel, memoryCap, capPages, engine, true, hostSegments);
  }

  /**
   * The module {@code host} made, whose segments the host writes; its start function, if it moved
   * one out of the start section, is the one to call after them.
   */
  LimitedModule withHostSegments(HostAppliedSegments host) {
    return new LimitedModule(
        host.bytes(),
        startExport.isPresent() ? startExport : host.startExport(),
        fuel,
        memoryCap,
        capPages,
        engine,
        frameBudget,
        host.segments());
  }

  /** The module unchanged: no limit needs code. */
  static LimitedModule unchanged(byte[] bytes, long[] capPages, EngineMemoryLimit engine) {
    return new LimitedModule(bytes, Optional.empty(), false, false, capPages, engine);
  }
}
