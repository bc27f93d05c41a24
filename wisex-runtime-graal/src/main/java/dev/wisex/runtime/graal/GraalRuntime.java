package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.CodeLoading;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.KnownDefect;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * The GraalWasm backend, through the Truffle polyglot API. It runs what Chicory cannot here (SIMD,
 * memory64), at a lower priority, so Chicory stays the default wherever both can run a module. On a
 * stock JDK GraalWasm interprets; on a GraalVM JDK (or with the optimizing Truffle runtime and
 * JVMCI) it also compiles.
 */
public final class GraalRuntime implements WasmRuntime {
  static final String NAME = "graal";

  // Probed against GraalWasm 25.0.2 by the tests. Not claimed: THREADS (shared memories and atomics
  // run, but memory.atomic.notify/wait trap outside a JavaScript embedding) and EXCEPTIONS (the tag
  // section is rejected).
  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(
          Capability.SIMD,
          Capability.MULTI_MEMORY,
          Capability.MEMORY64,
          Capability.IMPORTED_MEMORY);

  static final String LANGUAGE = "wasm";

  // One set of engines for the whole process, not one per provider object: ServiceLoader makes a
  // new provider on every lookup, and an engine costs a start of about half a second and keeps its
  // parsed-module cache.
  private final Engines engines = Engines.SHARED;

  /** Cheap by contract: no engine starts before {@link #instantiate}. */
  public GraalRuntime() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return GraalVersion.get();
  }

  @Override
  public int priority() {
    return 50;
  }

  /**
   * Whether the polyglot API and the wasm language are on the class or module path. Deliberately no
   * engine start: that costs about half a second, and selecting a backend (or {@code
   * --list-runtimes}) must stay cheap. Should an engine later fail to start, that failure is the
   * answer from then on.
   */
  @Override
  public Availability availability() {
    Availability failed = engines.lastFailure();
    return failed != null ? failed : Probe.RESULT;
  }

  /**
   * GraalWasm starts cheaply whatever the code size (ruby.wasm's 11 MiB of code: 1.8 s in all,
   * measured) and interprets on a stock JDK.
   */
  @Override
  public CodeLoading codeLoading() {
    return CodeLoading.ON_DEMAND;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.copyOf(CAPABILITIES);
  }

  /**
   * GraalWasm's off-heap memory, which {@link #newContext} chooses for any memory that may grow
   * past a byte array, holds 64,000,000,000,000 bytes (its {@code
   * MAX_MEMORY_64_INSTANCE_BYTE_SIZE}); a 32-bit memory reaches its full 4 GiB.
   */
  @Override
  public long maxMemoryBytes() {
    return 64_000_000_000_000L;
  }

  /** GraalWasm 25 refuses a module of more memories ("memory count exceeds limit"). */
  @Override
  public int maxMemories() {
    return 100;
  }

  /**
   * Off-heap where {@link #newContext} chooses GraalWasm's unsafe memory: a maximum above the
   * 32,767 pages of its byte-array memory (no maximum means 4 GiB, or more for memory64). GraalWasm
   * 25.0.2 decides by the maximum alone ({@code WasmMemoryFactory.createMemory}): a 64-bit memory
   * with a small maximum is a byte array too (the fuzzer's Java model found a copy between one and
   * an off-heap memory that was not worked around).
   */
  @Override
  public boolean memoryOnHeap(MemoryLimits limits) {
    return limits.hasMaximum() && limits.maximum() <= ModuleInfo.BYTE_ARRAY_MEMORY_PAGES;
  }

  /**
   * GraalWasm 25.0.2 (the newest 25.0.x the registry serves) leaves negative i8x16/i16x8 shift
   * counts unreduced, sign-extends {@code i32} segment offsets and bulk-memory addresses of 2 GiB
   * and above, cannot {@code memory.copy} between a byte-array and an off-heap memory, and wraps a
   * 64-bit memory's address + offset past 2^64.
   */
  @Override
  public Set<KnownDefect> knownDefects() {
    return Set.of(
        KnownDefect.SIMD_NARROW_SHIFT_COUNT,
        KnownDefect.I32_ADDRESS_SIGN_EXTENSION,
        KnownDefect.COPY_BETWEEN_HEAP_AND_OFF_HEAP_MEMORY,
        KnownDefect.GROW_FAILS_WHEN_HOST_IS_OUT_OF_MEMORY,
        KnownDefect.MEMORY64_ADDRESS_WRAP,
        KnownDefect.NAN_NOT_QUIETED);
  }

  @Override
  public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(imports, "imports");
    Objects.requireNonNull(config, "config");
    ModuleInfo info = ModuleInfo.read(module);
    Engine engine = engines.forMode(config.executionMode());
    // The start function is guest code: it runs, with everything around it, on a large stack.
    GraalInstance instance = new GraalInstance(newContext(engine, info), info);
    return GuestThreads.run(() -> start(instance, info, imports), instance::stopGuest);
  }

  /**
   * A memory that comes into being inside the one instance that links it (see {@link
   * GraalHostMemory}); shared memories are refused, as this backend does not claim threads.
   */
  @Override
  public HostMemory newMemory(MemoryLimits limits) {
    return GraalHostMemory.create(limits);
  }

  private static GraalInstance start(GraalInstance instance, ModuleInfo info, HostImports imports) {
    Context context = instance.context();
    try {
      // Decoding first: a malformed module is reported as such, not as an import the host lacks.
      Value compiled = parse(context, info);
      var importObject = HostLinker.link(info, imports, instance::memoryZero, context);
      Value created;
      try {
        created = compiled.newInstance(importObject);
      } catch (PolyglotException e) {
        throw Failures.linking("GraalWasm cannot instantiate the module", e);
      }
      instance.started(created.getMember("exports"));
      instance.runStart();
      return instance;
    } catch (RuntimeException e) {
      instance.close();
      throw e;
    }
  }

  private static Context newContext(Engine engine, ModuleInfo info) {
    try {
      Context.Builder builder =
          Context.newBuilder(LANGUAGE)
              .engine(engine)
              // GraalWasm marks its proposal switches experimental, multi-memory included.
              .allowExperimentalOptions(true)
              .option("wasm.MultiMemory", "true")
              // Off by default in GraalWasm, which then refuses every relaxed SIMD instruction.
              .option("wasm.RelaxedSIMD", "true");
      if (info.usesMemory64()) {
        // GraalWasm implements 64-bit memories only on off-heap (Unsafe) memory; other modules keep
        // the default byte-array memory.
        builder.option("wasm.Memory64", "true").option("wasm.UseUnsafeMemory", "true");
      } else if (info.mayExceedByteArrayMemory()) {
        // GraalWasm's byte-array memory stops at 32,767 pages, where memory.grow returns -1; with
        // this option a memory whose maximum is above that is off-heap and reaches 4 GiB.
        builder.option("wasm.UseUnsafeMemory", "true");
      }
      return builder.build();
    } catch (RuntimeException e) {
      throw new InitFailedException(
          "GraalWasm cannot create a context: " + Failures.describe(e), e);
    }
  }

  private static Value parse(Context context, ModuleInfo info) {
    Source source =
        Source.newBuilder(LANGUAGE, ByteSequence.create(info.prepared()), "module").buildLiteral();
    try {
      return context.eval(source);
    } catch (PolyglotException e) {
      throw Failures.linking("GraalWasm cannot load the module", e);
    }
  }

  /**
   * The check behind {@link #availability()}, done once per class loader: the jars are there, and
   * of the release this backend was built for ({@link GraalVersion#availability()}).
   */
  private static final class Probe {
    static final Availability RESULT = probe();

    private static Availability probe() {
      ClassLoader loader = GraalRuntime.class.getClassLoader();
      try {
        Class.forName("org.graalvm.polyglot.Engine", false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return Availability.no(
            "the GraalVM polyglot API is not on the class path (org.graalvm.polyglot:polyglot)");
      }
      try {
        Class.forName("org.graalvm.wasm.WasmLanguageProvider", false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return Availability.no(
            "the polyglot `wasm` language is not installed (org.graalvm.polyglot:wasm)");
      }
      return GraalVersion.availability();
    }
  }
}
