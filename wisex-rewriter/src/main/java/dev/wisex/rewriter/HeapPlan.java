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

/**
 * The pipeline's heap checks (see {@link HeapBudget}): before init, from the module's declared
 * memories on the chosen backend; before {@code --verify} instantiates the output a second time.
 */
final class HeapPlan {
  private HeapPlan() {}

  static void beforeInit(
      WasmModule module,
      long inputBytes,
      WasmRuntime runtime,
      RuntimeRegistry runtimes,
      Set<Capability> required) {
    HeapBudget budget = HeapBudget.jvm();
    // A memory past the engine's own limit fails init naming that limit, and moves to a backend
    // that holds it where none was named: that comes first.
    if (module.allMemories().stream()
        .anyMatch(m -> m.minimum() << m.pageSizeLog2() > runtime.maxMemoryBytes())) {
      return;
    }
    try {
      budget.checkBeforeInit(module, inputBytes, runtime, null);
    } catch (dev.wisex.api.LimitExceededException e) {
      String offHeap =
          runtimes.able(required).stream()
              .filter(r -> r != runtime)
              .filter(r -> module.allMemories().size() <= r.maxMemories())
              .filter(r -> module.allMemories().stream().noneMatch(m -> r.memoryOnHeap(limits(m))))
              .map(WasmRuntime::name)
              .findFirst()
              .orElse(null);
      if (offHeap == null) {
        throw e;
      }
      budget.checkBeforeInit(module, inputBytes, runtime, offHeap);
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
