package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Import;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.MemoryImport;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imported memories ({@code env.memory}): snapshotted like defined ones, the import kept with its
 * minimum raised; and imported shared memories, whose snapshot must be applied once across all
 * instances sharing the memory, never again by a later thread's instantiation.
 */
class ImportedMemoryTest {
  static List<Differential> backends() {
    return Differential.everyBackend();
  }

  private static byte[] wat(String name) {
    return Wat.resource(ImportedMemoryTest.class, "/wat/" + name + ".wat");
  }

  private static MemoryType importedMemory(byte[] module) {
    List<Import> memories = ModuleParser.parse(module).imports(ExternalKind.MEMORY);
    assertEquals(1, memories.size(), "the memory import is kept");
    assertEquals("env.memory", memories.get(0).qualifiedName());
    return memories.get(0).memory();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void snapshotsImportedMemoryAndRaisesTheImportsMinimum(Differential differential) {
    WisexResult result =
        differential.check(
            wat("imported_memory"),
            WisexOptions.defaults(),
            Call.of("load", 100),
            Call.of("load", 101),
            Call.of("load", 70001),
            Call.of("size"),
            Call.of("bump"),
            Call.of("grow_too_much"),
            Call.of("size"));
    MemoryType memory = importedMemory(result.module());
    assertEquals(3, memory.minimum(), "minimum raised to the snapshot's pages");
    assertEquals(8, memory.maximum(), "maximum kept");
    assertFalse(memory.shared());
    assertEquals(3, result.report().memories().get(0).pages());
  }

  @Test
  void snapshotsSharedMemoryIntoPassiveSegmentsAppliedByAGeneratedStart() {
    WisexResult result =
        Differential.chicory()
            .check(
                wat("shared_memory"),
                WisexOptions.defaults(),
                Call.of("counter"),
                Call.of("sp"),
                Call.of("tls"),
                Call.of("load", 2048),
                Call.of("load", 3000),
                Call.of("load", 1024));
    WasmModule output = ModuleParser.parse(result.module());
    MemoryType memory = importedMemory(result.module());
    assertTrue(memory.shared(), "the memory stays shared");
    assertEquals(16, memory.maximum());
    assertTrue(output.start() >= 0, "a start function applies the snapshot");
    assertEquals(
        ModuleParser.parse(wat("shared_memory")).functionTypes().length,
        output.functionTypes().length - 1,
        "the start function is new; the original one stays, unreferenced");
    for (DataSegment segment : output.data()) {
      assertFalse(segment.active(), "every segment is passive");
    }
    assertFalse(Differential.exportNames(result.module()).contains("_initialize"));
  }

  @Test
  void wasiCallsDuringInitWriteIntoTheImportedMemory() {
    WisexResult result =
        Differential.chicory()
            .check(
                wat("shared_memory_wasi"),
                WisexOptions.builder().allowWasi(true).build(),
                Call.of("random"));
    assertTrue(result.report().memories().get(0).nonZeroBytes() > 8, "random bytes snapshotted");
  }

  /** The same checks on a module wasm-ld itself linked with --import-memory --shared-memory. */
  @Test
  void handlesTheSharedMemoryShapeWasmLdEmits() throws Exception {
    byte[] linked;
    try (var in = ImportedMemoryTest.class.getResourceAsStream("/lld/shared_memory.wasm")) {
      linked =
          in != null
              ? in.readAllBytes()
              : java.nio.file.Files.readAllBytes(
                  java.nio.file.Path.of("src/test/resources/lld/shared_memory.wasm"));
    }
    byte[] output =
        Differential.chicory()
            .check(
                linked,
                WisexOptions.builder().verify(true).build(),
                Call.of("counter"),
                Call.of("at", 3),
                Call.of("ch", 0),
                Call.of("bump"))
            .module();
    WasmRuntime runtime = Differential.chicory().runtime();
    HostMemory memory = runtime.newMemory(limitsOf(output));
    try (WasmInstance first = instantiate(runtime, output, memory)) {
      assertEquals(42, first.call("counter")[0]);
      assertEquals(99, first.call("at", 3)[0]);
      first.call("set", 3, 7);
      first.call("bump");
      try (WasmInstance second = instantiate(runtime, output, memory)) {
        assertEquals(7, second.call("at", 3)[0], "the second start left the memory alone");
        assertEquals(43, second.call("counter")[0]);
        assertEquals('H', second.call("ch", 0)[0]);
      }
    }
  }

  /**
   * The scenario: the first instance starts (applying the snapshot) and writes after
   * start-up; a second instance (another thread) instantiated against the same memory must leave
   * that write alone. An output with active segments would put the snapshot back.
   */
  @Test
  void secondInstanceDoesNotClobberWhatTheFirstWroteAfterStartUp() {
    WasmRuntime runtime = Differential.chicory().runtime();
    byte[] output =
        new Preinitializer(WisexOptions.defaults()).preinitialize(wat("shared_memory")).module();
    HostMemory memory = runtime.newMemory(limitsOf(output));
    try (WasmInstance first = instantiate(runtime, output, memory)) {
      assertEquals(43, first.call("counter")[0], "the snapshot was applied");
      first.call("store", 2048, 'J');
      first.call("store", 2056, 99);
      first.call("store", 9000, 5);
      try (WasmInstance second = instantiate(runtime, output, memory)) {
        assertEquals('J', second.call("load", 2048)[0]);
        assertEquals(99, second.call("counter")[0]);
        assertEquals(5, second.call("load", 9000)[0]);
        assertEquals(60000, second.call("sp")[0], "globals are per instance and snapshotted");
      }
    }
  }

  /** Instances racing to start: exactly one applies the snapshot, the others wait for it. */
  @Test
  void concurrentStartsApplyTheSnapshotOnce() throws Exception {
    WasmRuntime runtime = Differential.chicory().runtime();
    byte[] output =
        new Preinitializer(WisexOptions.defaults()).preinitialize(wat("shared_memory")).module();
    HostMemory memory = runtime.newMemory(limitsOf(output));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> counters = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<Long> start =
            () -> {
              try (WasmInstance instance = instantiate(runtime, output, memory)) {
                return instance.call("counter")[0];
              }
            };
        counters.add(pool.submit(start));
      }
      for (Future<Long> counter : counters) {
        assertEquals(43L, counter.get(), "every instance starts after the snapshot is complete");
      }
    } finally {
      pool.shutdownNow();
    }
    byte[] hello = new byte[5];
    memory.read(2048, hello, 0, 5);
    assertArrayEquals("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII), hello);
    byte[] flag = new byte[4];
    memory.read(1024, flag, 0, 4);
    assertArrayEquals(new byte[] {2, 0, 0, 0}, flag, "the flag reads initialized");
  }

  /**
   * --verify instantiates the output with a fresh memory of the raised import type and compares.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void verifyProvesTheOutputStartsInTheSnapshot(Differential differential) {
    WisexOptions verify = WisexOptions.builder().verify(true).build();
    differential.check(wat("imported_memory"), verify, Call.of("size"));
    if (differential.runtime().capabilities().contains(Capability.THREADS)) {
      differential.check(wat("shared_memory"), verify, Call.of("counter"));
    }
  }

  private static MemoryLimits limitsOf(byte[] module) {
    MemoryType type = importedMemory(module);
    return new MemoryLimits(type.minimum(), type.maximum(), type.shared(), type.memory64());
  }

  private static WasmInstance instantiate(WasmRuntime runtime, byte[] module, HostMemory memory) {
    // The module imports no function: the one shared memory is all it links.
    return runtime.instantiate(
        module,
        new HostImports(List.of(), List.of(new MemoryImport("env", "memory", memory))),
        InstanceConfig.defaults());
  }
}
