package dev.wisex.runtime.chicory;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.KnownDefect;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.PreparationCost;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The default backend, built on Chicory: a pure-Java engine needs no native library, so wisex runs
 * on any JVM out of the box. It compiles guest code to JVM bytecode and interprets what the JVM
 * cannot hold in one method.
 */
public final class ChicoryRuntime implements WasmRuntime {
  static final String NAME = "chicory";

  /** A reference in an array: 4 bytes with compressed references (heaps under 32 GiB), else 8. */
  private static final long REFERENCE_BYTES =
      Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;

  // Probed against Chicory 1.7.5 by the tests: SIMD needs an add-on that is not on the class path,
  // and the parser rejects 64-bit memory limits.
  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(
          Capability.THREADS,
          Capability.MULTI_MEMORY,
          Capability.EXCEPTIONS,
          Capability.TAIL_CALLS,
          Capability.IMPORTED_MEMORY);

  /** Cheap by contract: nothing of Chicory is touched before {@link #instantiate}. */
  public ChicoryRuntime() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return ChicoryVersion.get();
  }

  @Override
  public int priority() {
    return 100;
  }

  /**
   * Available where the Chicory jars loaded are of the release line this backend was built for: an
   * application's own Chicory of another release would fail mid-run with linkage errors.
   */
  @Override
  public Availability availability() {
    return ChicoryVersion.availability();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.copyOf(CAPABILITIES);
  }

  /**
   * Chicory's memories hold at most {@link com.dylibso.chicory.runtime.Memory#RUNTIME_MAX_PAGES}
   * pages (its addresses are Java {@code int}s), and beyond that its {@code memory.grow} returns
   * -1.
   */
  @Override
  public long maxMemoryBytes() {
    return (long) com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES
        * com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
  }

  /**
   * Chicory 1.7.5's byte-array memory allocates a table of page references for its maximum (at most
   * {@link com.dylibso.chicory.runtime.Memory#RUNTIME_MAX_PAGES}) when it is created: 128 KiB for a
   * memory without a maximum, so 100,000 empty memories take 12.5 GiB.
   */
  @Override
  public long memoryHeapOverheadBytes(MemoryLimits limits) {
    long pages =
        Math.min(
            limits.hasMaximum() ? limits.maximum() : Long.MAX_VALUE,
            com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES);
    return 16 + REFERENCE_BYTES * pages;
  }

  /**
   * Chicory compiles a Wasm function to one JVM method of 1.0 to 1.5 bytes of bytecode per byte of
   * Wasm (1.25 on average over sqlite's and quickjs's functions), and HotSpot never compiles a
   * method over 8,000 bytes: past 5,000 bytes of Wasm a function risks it (README, "Methods too
   * large for the JIT").
   */
  @Override
  public int largestFastFunctionBytes() {
    return 5_000;
  }

  /**
   * Chicory 1.7.5 (the newest the registry serves) rounds f32.convert_i64_u and f64.convert_i64_u
   * of some values from 2^63 up wrongly.
   */
  @Override
  public Set<KnownDefect> knownDefects() {
    return Set.of(
        KnownDefect.F32_CONVERT_I64_U_ROUNDING,
        KnownDefect.F64_CONVERT_I64_U_ROUNDING,
        KnownDefect.NAN_NOT_QUIETED);
  }

  /**
   * What Chicory's compiles into {@code config.cacheDir()} cost per byte of code on this machine
   * ({@link CompileRate}); without a cache directory, or before a compile there taught it, the
   * SPI's default.
   */
  @Override
  public PreparationCost preparationCost(long codeBytes, InstanceConfig config) {
    return config.cacheDir() == null
        ? PreparationCost.defaultCompile(codeBytes)
        : CompileRate.in(config.cacheDir()).estimate(codeBytes);
  }

  @Override
  public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(imports, "imports");
    Objects.requireNonNull(config, "config");
    try {
      return Instantiation.run(module, imports, config.executionMode(), config.cacheDir());
    } catch (LinkageError e) {
      throw Failures.mixedJars(e);
    }
  }

  /** A Chicory memory, which may be linked into any number of this backend's instances. */
  @Override
  public HostMemory newMemory(MemoryLimits limits) {
    return ChicoryHostMemory.create(Objects.requireNonNull(limits, "limits"));
  }
}
