package dev.wisex.rewriter.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.VerificationFailedException;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host writes the segments an engine would place wrongly, in the spec's order and before the
 * start function; tested with the threshold lowered from 2 GiB so the memories stay one page (the
 * 2.5 GiB case is {@code scripts/verify-high-address.sh}).
 */
class HostAppliedSegmentsTest {
  private static final long THRESHOLD = 0x180;

  /** The backends that run the tests' modules of several memories. */
  static List<WasmRuntime> backends() {
    return RuntimeRegistry.discover().available().stream()
        .filter(r -> r.capabilities().contains(Capability.MULTI_MEMORY))
        .toList();
  }

  private static WasmModule module(String name) {
    return ModuleParser.parse(
        Wat.resource(HostAppliedSegmentsTest.class, "/wat/large/" + name + ".wat"));
  }

  @Test
  void movesEverySegmentOfThatMemoryFromTheFirstHighOneAndTheStartFunction() {
    WasmModule planned =
        ModuleParser.parse(HostAppliedSegments.plan(module("host_segments"), THRESHOLD).bytes());
    List<Boolean> active = planned.data().stream().map(DataSegment::active).toList();
    assertEquals(List.of(true, false, false, false, true), active);
    assertEquals(-1, planned.start(), "start section removed");
    assertTrue(planned.export("__wisex_start").isPresent(), "start exported");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void theInstanceHoldsWhatTheSpecSays(WasmRuntime runtime) {
    WasmModule module = module("host_segments");
    InstrumentedModule instrumented = Instrumenter.instrument(module, CodeScanner.scan(module));
    HostAppliedSegments plan =
        HostAppliedSegments.plan(ModuleParser.parse(instrumented.bytes()), THRESHOLD);
    assertEquals(List.of(1, 2), plan.segments().stream().map(s -> s.index()).toList());
    try (WasmInstance instance = instantiate(runtime, plan.bytes())) {
      plan.apply(instance, instrumented.memoryExports());
      // By hand from the WAT: "AAAA" at 0x100 with "CC" over its last two bytes; "BBBB" at 0x200
      // with the start function's 'X' at 0x201; memory 1's "DD" from the engine.
      assertArrayEquals(
          ascii("AACC"), read(instance, instrumented.memoryExports().get(0), 0x100, 4));
      assertArrayEquals(
          ascii("BXBB"), read(instance, instrumented.memoryExports().get(0), 0x200, 4));
      assertArrayEquals(ascii("DD"), read(instance, instrumented.memoryExports().get(1), 0x10, 2));
      assertEquals(
          GlobalValue.i32('B'), instance.global(instrumented.globalExports().get(0)), "start ran");
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void aSegmentPastTheMemorysEndFailsVerification(WasmRuntime runtime) {
    WasmModule module = module("host_segment_out_of_bounds");
    InstrumentedModule instrumented = Instrumenter.instrument(module, CodeScanner.scan(module));
    HostAppliedSegments plan =
        HostAppliedSegments.plan(ModuleParser.parse(instrumented.bytes()), THRESHOLD);
    try (WasmInstance instance = instantiate(runtime, plan.bytes())) {
      VerificationFailedException e =
          assertThrows(
              VerificationFailedException.class,
              () -> plan.apply(instance, instrumented.memoryExports()));
      assertTrue(e.getMessage().contains("data segment 0 (20 bytes at 0xFFF0)"), e.getMessage());
    }
  }

  @Test
  void neededOnlyForConstantI32OffsetsOf2GibAndAbove() {
    assertTrue(HostAppliedSegments.needed(wat("(memory 1) (data (i32.const 0x80000000) \"x\")")));
    assertTrue(HostAppliedSegments.needed(wat("(memory 1) (data (i32.const -1) \"x\")")));
    assertFalse(HostAppliedSegments.needed(wat("(memory 1) (data (i32.const 0x7FFFFFFF) \"x\")")));
    assertFalse(
        HostAppliedSegments.needed(wat("(memory i64 1) (data (i64.const 0x80000000) \"x\")")));
    assertFalse(HostAppliedSegments.needed(wat("(memory 1) (data \"x\")")));
  }

  @Test
  void withNothingToMoveTheModuleIsUnchanged() {
    WasmModule module = module("host_segments");
    HostAppliedSegments plan = HostAppliedSegments.plan(module);
    assertTrue(plan.segments().isEmpty());
    assertTrue(plan.startExport().isEmpty());
    assertArrayEquals(module.bytes(), plan.bytes());
  }

  private static WasmModule wat(String fields) {
    return ModuleParser.parse(Wat.assemble("(module " + fields + ")"));
  }

  private static WasmInstance instantiate(WasmRuntime runtime, byte[] bytes) {
    return runtime.instantiate(bytes, HostImports.none(), InstanceConfig.defaults());
  }

  private static byte[] read(WasmInstance instance, String memory, long address, int length) {
    byte[] bytes = new byte[length];
    instance.memory(memory).read(address, bytes, 0, length);
    return bytes;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
