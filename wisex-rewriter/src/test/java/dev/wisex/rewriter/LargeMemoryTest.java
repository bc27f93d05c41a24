package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.JvmBackendsOnly;
import dev.wisex.testkit.Wat;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Memories past 2 GiB (issue 18): a grow that the module's maximum and the spec allow either
 * succeeds or fails init naming the engine's limit; it never returns -1 into a snapshot.
 */
class LargeMemoryTest {
  static List<String> backends() {
    return Differential.everyBackend().stream().map(d -> d.runtime().name()).toList();
  }

  private static byte[] wat(String name) {
    return Wat.resource(LargeMemoryTest.class, "/wat/large/" + name + ".wat");
  }

  private static WisexResult run(String runtime, byte[] module) {
    return new Preinitializer(WisexOptions.builder().runtime(runtime).build())
        .preinitialize(module);
  }

  private static WasmRuntime runtime(String name) {
    return RuntimeRegistry.discover().select(name, Set.of());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void growPast2GibSucceedsOrFailsNamingTheEngineLimit(String name) {
    byte[] module = wat("grow_past_2gib");
    WasmRuntime runtime = runtime(name);
    if (runtime.maxMemoryBytes() < (32768L << 16)) {
      InitFailedException e = assertFailsNamingLimit(name, module);
      assertTrue(e.getMessage().contains("grow memory 0"), e.getMessage());
      return;
    }
    assertGrewTo2Gib(run(name, module));
  }

  /**
   * Without {@code --runtime}, init that outgrows the preferred engine runs again on one that holds
   * the memory (here: GraalWasm after Chicory), so the default succeeds wherever any backend can.
   */
  @Test
  void withoutARuntimeNameInitMovesToAnEngineThatHoldsTheMemory() {
    List<String> able =
        backends().stream().filter(n -> runtime(n).maxMemoryBytes() >= (32768L << 16)).toList();
    Assumptions.assumeFalse(able.isEmpty(), "no backend here holds 2 GiB");
    // The JVM backends' rule: V8 (Node.js), where installed, holds 4 GiB and runs it at once.
    WisexResult result =
        JvmBackendsOnly.call(
            () -> new Preinitializer(WisexOptions.defaults()).preinitialize(wat("grow_past_2gib")));
    assertEquals(
        able.stream().filter(n -> !n.equals("node")).findFirst().orElseThrow(),
        result.report().runtime());
    assertGrewTo2Gib(result);
  }

  private static void assertGrewTo2Gib(WisexResult result) {
    WasmModule output = ModuleParser.parse(result.module());
    assertEquals(32768, output.allMemories().get(0).minimum(), "pages after the grow");
    // memory.grow returns the old size (the spec): 1 page.
    assertArrayEquals(new byte[] {0x41, 1, 0x0B}, output.globals().get(0).initExpr());
    assertEquals(1, output.data().size(), "one segment for the one non-zero byte");
  }

  /**
   * {@code memory.fill}, {@code memory.copy} and {@code memory.init} past 2 GiB leave the bytes the
   * spec says (GraalWasm 25 read their addresses sign-extended and trapped), on every backend that
   * holds the memory.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void bulkMemoryInstructionsPast2GibLeaveTheBytesTheSpecSays(String name) {
    Assumptions.assumeTrue(runtime(name).maxMemoryBytes() > (32768L << 16), "holds 2 GiB + 1 page");
    WisexResult result = run(name, wat("bulk_past_2gib"));
    WasmModule output = ModuleParser.parse(result.module());
    assertArrayEquals(new byte[] {0x41, 1, 0x0B}, output.globals().get(0).initExpr(), "g");
    Map<Long, Byte> expected = new HashMap<>();
    expected.put(40L, (byte) 'L');
    for (long a = 0; a < 16; a++) {
      expected.put(0x80000010L + a, (byte) 0x5A);
    }
    for (long a = 0; a < 8; a++) {
      expected.put(0x80000100L + a, (byte) 0x5A);
    }
    byte[] high = "HIGH".getBytes(StandardCharsets.US_ASCII);
    for (int a = 0; a < high.length; a++) {
      expected.put(0x80000200L + a, high[a]);
    }
    expected.put(0x80000300L, (byte) 'L');
    assertEquals(expected, nonZeroBytes(output, 0));
  }

  /**
   * {@code memory.copy} between a memory GraalWasm keeps in a byte array and one it keeps off-heap
   * (it threw a ClassCastException) copies what the spec says, on every backend.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void copiesBetweenHeapAndOffHeapMemoriesWork(String name) {
    Assumptions.assumeTrue(
        runtime(name).capabilities().contains(Capability.MULTI_MEMORY), "runs multi-memory");
    WasmModule output = ModuleParser.parse(run(name, wat("copy_between_memory_kinds")).module());
    Map<Long, Byte> hello = new HashMap<>();
    byte[] text = "hello".getBytes(StandardCharsets.US_ASCII);
    for (int a = 0; a < text.length; a++) {
      hello.put(100L + a, text[a]);
    }
    assertEquals(hello, nonZeroBytes(output, 0));
    Map<Long, Byte> small = new HashMap<>();
    for (int a = 0; a < text.length; a++) {
      small.put((long) a, text[a]);
    }
    small.put(10L, (byte) 'l');
    small.put(11L, (byte) 'o');
    assertEquals(small, nonZeroBytes(output, 1));
  }

  /** The backends that run 64-bit memories. */
  static List<String> memory64Backends() {
    return Differential.everyBackend().stream()
        .map(Differential::runtime)
        .filter(r -> r.capabilities().contains(Capability.MEMORY64))
        .map(WasmRuntime::name)
        .toList();
  }

  /**
   * {@code memory.copy} between a 64-bit memory and a 32-bit one GraalWasm keeps in a byte array
   * (it threw a ClassCastException) copies what the spec says, on every backend that runs 64-bit
   * memories.
   */
  @ParameterizedTest
  @MethodSource("memory64Backends")
  void copiesBetweenMemoryWidthsWork(String name) {
    assertCopiedBetweenWidths(run(name, wat("copy_between_memory_widths")));
  }

  /** As above, where wisex picks the backend (the module's 64-bit memory decides it). */
  @Test
  void copiesBetweenMemoryWidthsWorkByDefault() {
    assertCopiedBetweenWidths(
        new Preinitializer(WisexOptions.builder().build())
            .preinitialize(wat("copy_between_memory_widths")));
  }

  private static void assertCopiedBetweenWidths(WisexResult result) {
    WasmModule output = ModuleParser.parse(result.module());
    Map<Long, Byte> wide = new HashMap<>();
    put(wide, 100, "hello narrow");
    put(wide, 0x1000, "de b");
    assertEquals(wide, nonZeroBytes(output, 0), "the 64-bit memory");
    Map<Long, Byte> narrow = new HashMap<>();
    put(narrow, 200, "wide bytes");
    assertEquals(narrow, nonZeroBytes(output, 1), "the 32-bit memory");
  }

  /**
   * A memory that starts past 2 GiB with active segments there: GraalWasm refused to instantiate it
   * (its sign-extension of segment offsets), where Wizer pre-initializes it. Every backend that
   * holds the memory applies the segments in order, then the start function, then init, as the spec
   * does (expected values worked out by hand in the WAT's comment).
   */
  @ParameterizedTest
  @MethodSource("backends")
  void activeSegmentsPast2GibApplyBeforeTheStartFunction(String name) {
    Assumptions.assumeTrue(runtime(name).maxMemoryBytes() > (32768L << 16), "holds 2 GiB + 1 page");
    WasmModule output = ModuleParser.parse(run(name, wat("segments_past_2gib")).module());

    assertArrayEquals(
        new byte[] {0x41, (byte) 0xD9, 0x00, 0x0B}, output.globals().get(0).initExpr());
    assertArrayEquals(
        new byte[] {0x41, (byte) 0xD3, 0x01, 0x0B}, output.globals().get(1).initExpr());
    Map<Long, Byte> expected = new HashMap<>();
    put(expected, 40, "lo");
    put(expected, 0x80000000L, "xYz");
    put(expected, 0x80000010L, "!");
    assertEquals(expected, nonZeroBytes(output, 0));
    assertEquals(32769, output.allMemories().get(0).minimum());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void anActiveSegmentPastTheMemorysEndStopsInitAsInstantiationWould(String name) {
    Assumptions.assumeTrue(runtime(name).maxMemoryBytes() > (32768L << 16), "holds 2 GiB + 1 page");
    InitFailedException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InitFailedException.class, () -> run(name, wat("segment_past_the_end")));
    // Wizer: "wasm trap: out of bounds memory access"; Chicory cannot hold the memory; V8 checks
    // segments itself, in its words.
    assertTrue(
        e.getMessage().contains("data segment 0 (2 bytes at 0x8000FFFF) does not fit memory 0")
            || (name.equals("node") && e.getMessage().contains("data segment is out of bounds")),
        e.getMessage());
  }

  private static void put(Map<Long, Byte> bytes, long at, String text) {
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < ascii.length; i++) {
      if (ascii[i] != 0) {
        bytes.put(at + i, ascii[i]);
      }
    }
  }

  /** Every non-zero byte the output's active segments put into {@code memory}, by address. */
  private static Map<Long, Byte> nonZeroBytes(WasmModule output, int memory) {
    Map<Long, Byte> bytes = new HashMap<>();
    for (DataSegment segment : output.data()) {
      if (!segment.active() || segment.memoryIndex() != memory) {
        continue;
      }
      long at = segment.constantOffset().orElseThrow();
      for (int i = 0; i < segment.payloadLength(); i++) {
        byte b = output.bytes()[segment.payloadOffset() + i];
        if (b != 0) {
          bytes.put(at + i, b);
        }
      }
    }
    return bytes;
  }

  @Test
  void memoryStartingAt4GibFailsNamingTheEngineLimitOnChicory() {
    // Only where the engine's limit is below 4 GiB: elsewhere the test would need 4 GiB of RAM.
    for (String name : backends()) {
      if (runtime(name).maxMemoryBytes() < (65536L << 16)) {
        InitFailedException e = assertFailsNamingLimit(name, wat("starts_at_4gib"));
        assertTrue(e.getMessage().contains("starts at 65536 pages"), e.getMessage());
      }
    }
  }

  private static InitFailedException assertFailsNamingLimit(String name, byte[] module) {
    WisexException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            WisexException.class, () -> run(name, module));
    assertTrue(e instanceof InitFailedException, e.toString());
    assertTrue(
        e.getMessage().contains("runtime `" + name + "` can hold")
            && e.getMessage().contains("runtime(...)"),
        e.getMessage());
    return (InitFailedException) e;
  }
}
