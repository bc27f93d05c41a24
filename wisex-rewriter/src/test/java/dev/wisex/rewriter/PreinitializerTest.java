package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MemoryReport;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.testkit.Wat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests of the pipeline: original + init must equal the snapshot, before and after
 * calls.
 */
class PreinitializerTest {
  /**
   * Every available backend: each must produce output that behaves exactly like original plus init.
   */
  static List<Differential> backends() {
    return Differential.everyBackend();
  }

  private static byte[] wat(String name) {
    return Wat.resource(PreinitializerTest.class, "/wat/" + name + ".wat");
  }

  private static WisexResult check(Differential differential, String name, Call... calls) {
    return differential.check(wat(name), WisexOptions.defaults(), calls);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void snapshotsScalarGlobalsWithExactBits(Differential differential) {
    WisexResult result =
        check(
            differential,
            "globals",
            Call.of("i32"),
            Call.of("i64"),
            Call.of("f32bits"),
            Call.of("nan32bits"),
            Call.of("nan64bits"),
            Call.of("neg0bits"),
            Call.of("const"),
            Call.of("bump"),
            Call.of("i32"));
    assertEquals(8, result.report().globalsSnapshotted());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void snapshotsMemory64WithI64Offsets(Differential differential) {
    WisexResult result =
        check(
            differential,
            "memory64",
            Call.of("load", 65535),
            Call.of("load", 196607),
            Call.of("size"));
    dev.wisex.parser.WasmModule output = dev.wisex.parser.ModuleParser.parse(result.module());
    assertEquals(3, output.memories().get(0).minimum());
    assertEquals(0x42, output.data().get(0).offsetExpr()[0] & 0xFF, "i64.const offset");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void snapshotsSparseMemoryAcrossPagesUpToTheLastByte(Differential differential) {
    WisexResult result =
        check(
            differential,
            "sparse_memory",
            Call.of("load", 65535),
            Call.of("load", 262143),
            Call.of("load", 5));
    MemoryReport memory = result.report().memories().get(0);
    assertEquals(4, memory.pages());
    assertEquals(10, memory.nonZeroBytes());
    // [0..5) merged over a 3-byte gap, [10], [65535..65537), [131070..131074), [262143]
    assertEquals(5, memory.segments());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void raisesMemoryMinimumAfterGrowAndKeepsMaximum(Differential differential) {
    WisexResult result =
        check(
            differential,
            "grow",
            Call.of("size"),
            Call.of("grow"),
            Call.of("size"),
            Call.of("grow_too_much"));
    MemoryType memory = ModuleParser.parse(result.module()).memories().get(0);
    assertEquals(4, memory.minimum());
    assertEquals(10, memory.maximum());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void snapshotsTwoMemories(Differential differential) {
    WisexResult result = check(differential, "two_memories", Call.of("read_b", 70000));
    assertEquals(
        List.of(1L, 2L), result.report().memories().stream().map(MemoryReport::pages).toList());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void keepsZerosWrittenOverInitialData(Differential differential) {
    check(
        differential,
        "overwrite",
        Call.of("load", 100),
        Call.of("load", 110),
        Call.of("load", 115));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void keepsPassiveSegmentsUsableAndDroppedOnesDropped(Differential differential) {
    WisexResult result =
        check(
            differential,
            "passive",
            Call.of("init_p0"),
            Call.of("init_p1"),
            Call.of("init_p1_empty"),
            Call.of("init_p2"),
            Call.of("drop_p2"),
            Call.of("init_p2"));
    WasmModule output = ModuleParser.parse(result.module());
    assertEquals(output.data().size(), output.dataCount());
    assertTrue(
        output.data().get(0).payloadLength() == 0 && !output.data().get(0).active(),
        "active became empty passive");
    assertEquals(3, output.data().get(1).payloadLength(), "live passive segment keeps its bytes");
    assertEquals(0, output.data().get(2).payloadLength(), "dropped passive segment is empty");
    assertEquals(4, output.data().get(3).payloadLength());
  }

  /**
   * The spec drops active segments once instantiation applied them, so {@code memory.init} of one
   * with a non-zero length traps. Chicory 1.7.5 does not drop them, which is why this is not a
   * differential check: the output must trap on every engine, because the segment is now empty.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void formerActiveSegmentBehavesAsDropped(Differential differential) {
    WisexResult result = differential.check(wat("passive"), WisexOptions.defaults());
    var runtime = differential.runtime();
    try (var instance =
        runtime.instantiate(
            result.module(),
            dev.wisex.runtime.spi.HostImports.none(),
            dev.wisex.runtime.spi.InstanceConfig.defaults())) {
      org.junit.jupiter.api.Assertions.assertThrows(
          dev.wisex.api.WasmTrapException.class, () -> instance.call("init_active"));
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void runsStartFunctionOnceAndRemovesIt(Differential differential) {
    WisexResult result = check(differential, "start", Call.of("count"));
    assertTrue(ModuleParser.parse(result.module()).section(Section.START).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void removesInitExportByDefault(Differential differential) {
    WisexResult result = check(differential, "counter", Call.of("count"));
    assertFalse(Differential.exportNames(result.module()).contains("wizex.initialize"));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void keepsInitFuncWhenAsked(Differential differential) {
    WisexResult result =
        differential.check(
            wat("counter"),
            WisexOptions.builder().keepInitFunc(true).build(),
            Call.of("wizex.initialize"),
            Call.of("count"));
    assertTrue(Differential.exportNames(result.module()).contains("wizex.initialize"));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void renamesExportsLikeWizer(Differential differential) {
    WisexResult result =
        new Preinitializer(
                WisexOptions.builder()
                    .renameFunc("main", "main_after_init")
                    .runtime(differential.runtime().name())
                    .build())
            .preinitialize(wat("counter"));
    List<String> names = Differential.exportNames(result.module());
    assertTrue(names.contains("main"));
    assertFalse(names.contains("main_after_init"));
    WasmModule output = ModuleParser.parse(result.module());
    WasmModule input = ModuleParser.parse(wat("counter"));
    assertEquals(
        input.export("main_after_init").orElseThrow().index(),
        output.export("main").orElseThrow().index());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void callsReactorInitializeOnceBeforeInit(Differential differential) {
    WisexResult result = check(differential, "reactor", Call.of("ready"));
    assertFalse(Differential.exportNames(result.module()).contains("_initialize"));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void leavesUncalledImportsImported(Differential differential) {
    WisexResult result = check(differential, "import_uncalled");
    assertEquals(1, ModuleParser.parse(result.module()).imports().size());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void capsSegmentCountLikeWizer(Differential differential) {
    WisexResult result = check(differential, "many_segments", Call.of("load", 119990));
    assertEquals(10_000, result.report().dataSegmentsAfter());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void keepsOutputSmallForLargeSparseMemory(Differential differential) {
    WisexResult result = check(differential, "big_sparse", Call.of("load", 268435455));
    assertEquals(4096, result.report().memories().get(0).pages());
    assertTrue(result.module().length < 512, "output is " + result.module().length + " bytes");
  }
}
