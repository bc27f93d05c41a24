package dev.wisex.rewriter.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ConstExpr;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.testkit.Wat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rewrite on snapshots no backend here can produce yet (memory64, v128): the encodings must be
 * exact. Behaviour on such modules is covered differentially once a backend runs them.
 */
class RewriterTest {
  private static final WasmModule MODULE =
      ModuleParser.parse(Wat.resource(RewriterTest.class, "/wat/memory64_v128.wat"));

  @Test
  void writesMemory64SegmentsWithI64OffsetsAndRaisesTheMinimum() {
    byte[] payload = {1, 2, 3};
    Snapshot snapshot =
        new Snapshot(
            Map.of(),
            List.of(new MemorySnapshot(0, 3, 3, List.of(new DataRun(0x1_0005L, payload)))),
            Set.of());
    WasmModule out =
        ModuleParser.parse(Rewriter.rewrite(MODULE, snapshot, WisexOptions.defaults()).bytes());
    assertEquals(3, out.memories().get(0).minimum());
    assertEquals(10, out.memories().get(0).maximum());
    assertTrue(out.memories().get(0).memory64());
    DataSegment segment = out.data().get(0);
    assertArrayEquals(ConstExpr.i64(0x1_0005L), segment.offsetExpr());
    assertArrayEquals(
        payload,
        Arrays.copyOfRange(out.bytes(), segment.payloadOffset(), segment.payloadOffset() + 3));
  }

  @Test
  void writesV128AndNanGlobalsBitForBit() {
    GlobalValue v128 = GlobalValue.v128(0x8000_0000_7FC0_0001L, 0xFFFF_FFFF_0000_0000L);
    GlobalValue nan = GlobalValue.f32Bits(0x7FA0_0001);
    Snapshot snapshot =
        new Snapshot(
            Map.of(0, v128, 1, nan), List.of(new MemorySnapshot(0, 1, 0, List.of())), Set.of());
    WasmModule out =
        ModuleParser.parse(Rewriter.rewrite(MODULE, snapshot, WisexOptions.defaults()).bytes());
    assertArrayEquals(ConstExpr.v128(v128.low(), v128.high()), out.globals().get(0).initExpr());
    assertArrayEquals(ConstExpr.f32Bits(0x7FA0_0001), out.globals().get(1).initExpr());
    byte[] expected = new byte[] {(byte) 0xFD, 12, 1, 0, (byte) 0xC0, 0x7F, 0, 0, 0, (byte) 0x80};
    assertArrayEquals(
        expected, Arrays.copyOf(out.globals().get(0).initExpr(), 10), "little-endian lanes");
  }
}
