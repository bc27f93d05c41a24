package dev.wisex.rewriter.heap;

import dev.wisex.api.LimitExceededException;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Plans the Java heap a run needs, so that a run that cannot fit fails at once with one line saying
 * how much heap it needs and which limit to raise, instead of an {@code OutOfMemoryError} in the
 * middle of init or of writing the output (issue 18). Checked before init (the memories the backend
 * keeps in the heap, at their declared initial size) and before each large allocation after it.
 */
public final class HeapBudget {
  /**
   * How the CLI's launcher takes JVM options; the Maven plugin replaces it with its own
   * (MAVEN_OPTS).
   */
  public static final String LAUNCHER_HINT = "./wisex: WISEX_JAVA_OPTS=";

  /** What to change when the heap ran out during init, in the vocabulary of the launcher. */
  public static final String MORE_HEAP_OR_LESS_MEMORY =
      "give it more heap with -Xmx ("
          + LAUNCHER_HINT
          + "-Xmx8g), or lower --max-memory so init fails before its memories outgrow the heap";

  /** Room left for everything not planned: parsed modules, the engine, the WASI host. */
  static final long SLACK = 48L << 20;

  private static final HeapBudget JVM =
      new HeapBudget(
          () -> Runtime.getRuntime().maxMemory(),
          () -> Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(),
          System::gc);

  private final LongSupplier max;
  private final LongSupplier used;
  private final Runnable collect;

  HeapBudget(LongSupplier max, LongSupplier used, Runnable collect) {
    this.max = max;
    this.used = used;
    this.collect = collect;
  }

  /** The budget of this JVM's heap. */
  public static HeapBudget jvm() {
    return JVM;
  }

  /**
   * Fails if init cannot fit: the input, the module init runs in (about the input's size again) and
   * every memory {@code runtime} keeps in the heap, at its declared initial size plus what the
   * engine allocates per memory ({@link WasmRuntime#memoryHeapOverheadBytes}).
   *
   * @param offHeapRuntime an available runtime that keeps these memories elsewhere, or null
   * @throws LimitExceededException naming the heap limit, and the size it needs
   */
  public void checkBeforeInit(
      WasmModule module, long inputBytes, WasmRuntime runtime, String offHeapRuntime) {
    long memories = 0;
    int count = 0;
    for (MemoryType m : module.allMemories()) {
      MemoryLimits limits = new MemoryLimits(m.minimum(), m.maximum(), m.shared(), m.memory64());
      if (runtime.memoryOnHeap(limits)) {
        memories += (m.minimum() << m.pageSizeLog2()) + runtime.memoryHeapOverheadBytes(limits);
        count++;
      }
    }
    long needed = memories + 2 * inputBytes + SLACK;
    if (needed <= max.getAsLong()) {
      return;
    }
    throw new LimitExceededException(
        String.format(
            Locale.ROOT,
            "init needs at least %s of Java heap, more than the JVM's limit of %s: runtime `%s`"
                + " keeps %s in the heap (%s at the initial size), plus %s for the module; %s%s",
            describe(needed),
            describe(max.getAsLong()),
            runtime.name(),
            count == 1 ? "the module's memory" : "its " + count + " memories",
            describe(memories),
            describe(needed - memories),
            raise(needed),
            offHeapRuntime == null
                ? ""
                : ", or run init on `--runtime "
                    + offHeapRuntime
                    + "`, which keeps such memories off the heap"));
  }

  /**
   * Fails unless {@code bytes} more can be allocated now (after a collection, if it is close).
   *
   * @param purpose what the bytes are for, e.g. "the output module"
   * @throws LimitExceededException naming the heap limit and the size it needs
   */
  public void reserve(long bytes, String purpose) {
    if (fits(bytes)) {
      return;
    }
    collect.run();
    if (fits(bytes)) {
      return;
    }
    long needed = used.getAsLong() + bytes + SLACK;
    throw new LimitExceededException(
        String.format(
            Locale.ROOT,
            "%s needs %s of Java heap, but only %s of the JVM's limit of %s is free; %s",
            purpose,
            describe(bytes),
            describe(Math.max(0, max.getAsLong() - used.getAsLong())),
            describe(max.getAsLong()),
            raise(needed)));
  }

  private boolean fits(long bytes) {
    return used.getAsLong() + bytes + SLACK <= max.getAsLong();
  }

  /** The advice: a heap limit that holds the run, rounded up to a size people type. */
  static String raise(long needed) {
    String xmx = xmx(needed);
    return "give the JVM at least "
        + xmx.substring(4)
        + " of heap with "
        + xmx
        + " ("
        + LAUNCHER_HINT
        + xmx
        + ")";
  }

  /** {@code -Xmx} for at least {@code bytes}: whole GiB above 2 GiB, else multiples of 256 MiB. */
  static String xmx(long bytes) {
    long mib = (bytes + (1 << 20) - 1) >> 20;
    if (mib > 2048) {
      return "-Xmx" + (mib + 1023) / 1024 + "g";
    }
    return "-Xmx" + (mib + 255) / 256 * 256 + "m";
  }

  /** A size for a message: MiB below 10 GiB, else GiB with one decimal. */
  static String describe(long bytes) {
    if (bytes >= 10L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%,d MiB", (bytes + (1 << 20) - 1) >> 20);
  }
}
