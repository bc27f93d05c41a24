package dev.wisex.rewriter;

import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.heap.HeapBudget;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The pipeline's heap checks (see {@link HeapBudget}): before init, from the module's declared
 * memories on the chosen backend; before {@code --verify} instantiates the output a second time.
 */
final class HeapPlan {
  private static final Logger LOG = LogManager.getLogger(HeapPlan.class);

  private HeapPlan() {}

  /**
   * The backend init runs on: {@code runtime}, unless its memories would not fit in the heap and
   * the user named no backend ({@code named} false), where one that keeps them off the heap and
   * fits takes over (as init that outgrows an engine moves to one that holds more).
   *
   * @throws dev.wisex.api.LimitExceededException where none fits, naming the heap to give and the
   *     backend that would keep the memories off it
   */
  static WasmRuntime beforeInit(
      WasmModule module,
      long inputBytes,
      WasmRuntime runtime,
      RuntimeRegistry runtimes,
      Set<Capability> required,
      boolean named) {
    HeapBudget budget = HeapBudget.jvm();
    // A memory past the engine's own limit fails init naming that limit, and moves to a backend
    // that holds it where none was named: that comes first.
    if (module.allMemories().stream()
        .anyMatch(m -> m.minimum() << m.pageSizeLog2() > runtime.maxMemoryBytes())) {
      return runtime;
    }
    try {
      budget.checkBeforeInit(module, inputBytes, runtime, null);
      return runtime;
    } catch (dev.wisex.api.LimitExceededException e) {
      WasmRuntime offHeap =
          runtimes.able(required).stream()
              .filter(r -> r != runtime)
              .filter(r -> module.allMemories().size() <= r.maxMemories())
              .filter(r -> module.allMemories().stream().noneMatch(m -> r.memoryOnHeap(limits(m))))
              .findFirst()
              .orElse(null);
      if (offHeap == null) {
        throw e;
      }
      if (!named) {
        try {
          budget.checkBeforeInit(module, inputBytes, offHeap, null);
          LOG.info(
              "init runs on runtime `{}` instead of `{}`, which would keep the module's memories in"
                  + " too small a Java heap ({})",
              offHeap.name(),
              runtime.name(),
              e.getMessage());
          return offHeap;
        } catch (dev.wisex.api.LimitExceededException stillNot) {
          // The module itself does not fit either: the first refusal says what to give.
        }
      }
      budget.checkBeforeInit(module, inputBytes, runtime, offHeap.name());
      return runtime;
    }
  }

  /** {@code --verify} instantiates the output beside the instance init ran in. */
  static void beforeVerify(WasmModule module, Snapshot snapshot, WasmRuntime runtime) {
    long bytes = 0;
    var types = module.allMemories();
    for (MemorySnapshot m : snapshot.memories()) {
      var type = types.get(m.index());
      if (runtime.memoryOnHeap(limits(type))) {
        bytes += m.pages() << type.pageSizeLog2();
      }
    }
    HeapBudget.jvm().reserve(bytes, "--verify's second instance (of the output's memories)");
  }

  /** The limits a backend judges a memory of this type by. */
  static MemoryLimits limits(dev.wisex.parser.MemoryType m) {
    return new MemoryLimits(m.minimum(), m.maximum(), m.shared(), m.memory64());
  }
}
