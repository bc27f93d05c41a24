package dev.wisex.rewriter.heap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.LimitExceededException;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.HostileModules;
import dev.wisex.testkit.Wat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The heap plan's arithmetic and messages, on a heap whose figures the test sets. */
class HeapBudgetTest {
  private static final long MIB = 1 << 20;

  /** A backend that keeps memories in the heap unless they may pass 32,767 pages. */
  private static final WasmRuntime BYTE_ARRAYS =
      new WasmRuntime() {
        @Override
        public String name() {
          return "arrays";
        }

        @Override
        public String version() {
          return "1";
        }

        @Override
        public int priority() {
          return 1;
        }

        @Override
        public Availability availability() {
          return Availability.yes();
        }

        @Override
        public Set<Capability> capabilities() {
          return Set.of();
        }

        @Override
        public boolean memoryOnHeap(MemoryLimits limits) {
          return limits.hasMaximum() && limits.maximum() <= 32_767;
        }

        @Override
        public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig c) {
          throw new UnsupportedOperationException();
        }
      };

  private static WasmModule module(String wat) {
    return ModuleParser.parse(Wat.assemble(wat));
  }

  @Test
  void initFailsBeforeStartingWhenTheInitialMemoriesOutgrowTheHeap() {
    // Two memories of 4,096 pages (256 MiB each) kept in the heap, one without a maximum kept out.
    WasmModule module =
        module(
            "(module (memory 4096 4096) (memory 4096 8192) (memory 4096)"
                + " (func (export \"init\")))");
    HeapBudget heap = new HeapBudget(() -> 512 * MIB, () -> 0, () -> {});

    LimitExceededException e =
        assertThrows(
            LimitExceededException.class,
            () -> heap.checkBeforeInit(module, 1000, BYTE_ARRAYS, "elsewhere"));

    // 512 MiB of memories + 2 x 1,000 bytes + 48 MiB of slack = 561 MiB: -Xmx768m.
    assertEquals(
        "init needs at least 561 MiB of Java heap, more than the JVM's limit of 512 MiB: runtime"
            + " `arrays` keeps its 2 memories in the heap (512 MiB at the initial size), plus 49"
            + " MiB for the module; give the JVM at least 768m of heap with -Xmx768m (./wisex:"
            + " WISEX_JAVA_OPTS=-Xmx768m), or run init on `--runtime elsewhere`, which keeps such"
            + " memories off the heap",
        e.getMessage());
    assertDoesNotThrow(
        () ->
            new HeapBudget(() -> 600 * MIB, () -> 0, () -> {})
                .checkBeforeInit(module, 1000, BYTE_ARRAYS, null));
  }

  /**
   * Chicory allocates a 32,767-entry page table per memory without a maximum: 1,000 empty memories
   * take 1,000 x (16 + 4 x 32,767) bytes = 125.01 MiB (compressed references), + 48 MiB of slack
   * and twice the 2 KB input = 173.02, so 174 MiB; 100,000 of them ran past 120 s at 11.6 GB
   * before.
   */
  @Test
  void chicorysPageTablesArePlannedForEachMemory() {
    WasmModule module = ModuleParser.parse(HostileModules.memories(1000));
    WasmRuntime chicory = RuntimeRegistry.discover().select("chicory", Set.of());
    HeapBudget heap = new HeapBudget(() -> 100 * MIB, () -> 0, () -> {});

    LimitExceededException e =
        assertThrows(
            LimitExceededException.class,
            () -> heap.checkBeforeInit(module, module.bytes().length, chicory, null));

    assertTrue(
        e.getMessage()
            .startsWith(
                "init needs at least 174 MiB of Java heap, more than the JVM's limit of 100 MiB:"
                    + " runtime `chicory` keeps its 1000 memories in the heap (126 MiB"),
        e.getMessage());
  }

  @Test
  void reserveCollectsOnceBeforeGivingUp() {
    long[] used = {900 * MIB};
    HeapBudget heap = new HeapBudget(() -> 1024 * MIB, () -> used[0], () -> used[0] = 300 * MIB);

    heap.reserve(600 * MIB, "the output");

    assertEquals(300 * MIB, used[0], "a collection freed the garbage first");
  }

  @Test
  void reserveSaysHowMuchHeapTheRunNeeds() {
    HeapBudget heap = new HeapBudget(() -> 3L << 30, () -> 2L << 30, () -> {});

    LimitExceededException e =
        assertThrows(
            LimitExceededException.class, () -> heap.reserve(1536 * MIB, "writing the output"));

    // 2 GiB used + 1.5 GiB + 48 MiB of slack = 3,632 MiB: -Xmx4g.
    assertEquals(
        "writing the output needs 1,536 MiB of Java heap, but only 1,024 MiB of the JVM's limit"
            + " of 3,072 MiB is free; give the JVM at least 4g of heap with -Xmx4g (./wisex:"
            + " WISEX_JAVA_OPTS=-Xmx4g)",
        e.getMessage());
  }

  @Test
  void roundsTheAdviceUpToSizesPeopleType() {
    assertEquals("-Xmx256m", HeapBudget.xmx(1));
    assertEquals("-Xmx512m", HeapBudget.xmx(256 * MIB + 1));
    assertEquals("-Xmx2048m", HeapBudget.xmx(2048 * MIB));
    assertEquals("-Xmx3g", HeapBudget.xmx(2049 * MIB));
    assertTrue(HeapBudget.describe(11L << 30).equals("11.0 GiB"));
  }
}
