package dev.wisex.runtime.spi;

import java.util.Set;

/**
 * A WebAssembly engine wisex can run init on. Implementations are found with {@link
 * java.util.ServiceLoader}; a third party adds one by shipping a jar that declares it in {@code
 * module-info} ({@code provides}) and in {@code
 * META-INF/services/dev.wisex.runtime.spi.WasmRuntime}.
 *
 * <p>Contract: the provider has a public no-argument constructor and is cheap to construct (no
 * engine start before {@link #instantiate}); {@link #availability()} never throws; {@link
 * #instantiate} runs the start function, maps engine traps to {@link
 * dev.wisex.api.WasmTrapException} and link errors to {@link dev.wisex.api.InitFailedException},
 * and lets a host function's {@code WisexException} propagate unchanged. When the thread that
 * called {@link #instantiate} or {@link WasmInstance#call} is interrupted, the backend stops the
 * guest code promptly and throws (wisex's {@code --timeout} relies on it; a backend that ignores
 * the interrupt is abandoned on its thread after a grace period).
 */
public interface WasmRuntime {
  /** Short lower-case name used by {@code --runtime}, e.g. {@code chicory}. */
  String name();

  /** Version of the engine behind this backend. */
  String version();

  /** Higher wins when no name is given; ties are broken by name. */
  int priority();

  /** Whether this backend can run here, and why not. */
  Availability availability();

  /** The optional proposals this backend executes. */
  Set<Capability> capabilities();

  /**
   * The instructions this backend's engine computes wrongly; wisex works around each in the module
   * init runs in. None by default.
   */
  default Set<KnownDefect> knownDefects() {
    return Set.of();
  }

  /**
   * The largest function body, in bytes of Wasm code, this backend runs at full speed: a JVM
   * backend that compiles each function to one JVM method leaves a method past HotSpot's 8,000
   * bytes of bytecode to the bytecode interpreter. wisex splits larger functions of the module init
   * runs in (never the output) into pieces of at most this size. No limit by default.
   */
  default int largestFastFunctionBytes() {
    return Integer.MAX_VALUE;
  }

  /**
   * When this backend prepares a module's functions; the default selection weighs it against the
   * module's code size. {@link CodeLoading#AHEAD_OF_TIME} unless a backend says otherwise.
   */
  default CodeLoading codeLoading() {
    return CodeLoading.AHEAD_OF_TIME;
  }

  /**
   * What preparing {@code codeBytes} bytes of function bodies costs on this backend before init can
   * run, here: the default selection lets an on-demand backend try init first for as long (README,
   * "Choosing a runtime backend"). By default nothing for an {@link CodeLoading#ON_DEMAND} backend
   * and {@link PreparationCost#defaultCompile} for one that compiles ahead of time; a backend that
   * can tell better, say from its own earlier compiles in {@code config.cacheDir()}, answers that.
   * Cheap and never throws.
   */
  default PreparationCost preparationCost(long codeBytes, InstanceConfig config) {
    return codeLoading() == CodeLoading.ON_DEMAND
        ? PreparationCost.none()
        : PreparationCost.defaultCompile(codeBytes);
  }

  /**
   * Instantiates the module, linking every import to {@code imports}, and runs its start function.
   *
   * @throws dev.wisex.api.InitFailedException if the module cannot be instantiated or an import is
   *     missing
   * @throws dev.wisex.api.WasmTrapException if the start function traps
   */
  WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config);

  /**
   * The largest linear memory this backend can hold, in bytes. Init fails naming this limit when a
   * module tries to grow a memory past it (rather than seeing {@code memory.grow} return -1, which
   * the module's own maximum would not), so a backend states its true limit here.
   */
  default long maxMemoryBytes() {
    return Long.MAX_VALUE;
  }

  /**
   * Whether this backend keeps a memory of these limits in the Java heap, where wisex must plan
   * room for it before init (a memory kept elsewhere costs the process memory, not heap). True by
   * default, the cautious answer.
   */
  default boolean memoryOnHeap(MemoryLimits limits) {
    return true;
  }

  /**
   * Heap a memory of these limits takes besides its pages while it is in the heap ({@link
   * #memoryOnHeap}), e.g. a table of its pages sized to its maximum; what wisex plans for a module
   * of many memories. 0 by default.
   */
  default long memoryHeapOverheadBytes(MemoryLimits limits) {
    return 0;
  }

  /** The most memories a module may have on this backend; no limit by default. */
  default int maxMemories() {
    return Integer.MAX_VALUE;
  }

  /**
   * Creates a zero-filled memory of {@code limits.minimum()} pages for a memory import, to be
   * passed in {@link HostImports#memories()}. A backend that declares {@link
   * Capability#IMPORTED_MEMORY} implements it; a shared memory may be linked into several instances
   * only on a backend that also declares {@link Capability#THREADS}.
   *
   * @throws dev.wisex.api.InitFailedException if this backend cannot create such a memory
   */
  default HostMemory newMemory(MemoryLimits limits) {
    throw new dev.wisex.api.InitFailedException(
        "runtime `" + name() + "` cannot create memories for memory imports");
  }
}
