package dev.wisex.rewriter.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitRules;
import dev.wisex.api.RejectedModuleException;
import dev.wisex.parser.ConstExpr;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.snapshot.ArrayMemory;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
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
class OutputAssemblerTest {
  private static final WasmModule MODULE =
      ModuleParser.parse(Wat.resource(OutputAssemblerTest.class, "/wat/memory64_v128.wat"));

  @Test
  void writesMemory64SegmentsWithI64OffsetsAndRaisesTheMinimum() {
    byte[] payload = {1, 2, 3};
    ArrayMemory memory = new ArrayMemory(3);
    memory.write(0x1_0005L, payload, 0, 3);
    Snapshot snapshot =
        new Snapshot(
            Map.of(),
            List.of(new MemorySnapshot(0, 3, 3, List.of(new DataRun(0x1_0005L, 3)), memory)),
            Set.of());
    WasmModule out =
        ModuleParser.parse(
            OutputAssembler.assemble(MODULE, snapshot, InitRules.defaults()).bytes());
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
            Map.of(0, v128, 1, nan),
            List.of(new MemorySnapshot(0, 1, 0, List.of(), new ArrayMemory(1))),
            Set.of());
    WasmModule out =
        ModuleParser.parse(
            OutputAssembler.assemble(MODULE, snapshot, InitRules.defaults()).bytes());
    assertArrayEquals(ConstExpr.v128(v128.low(), v128.high()), out.globals().get(0).initExpr());
    assertArrayEquals(ConstExpr.f32Bits(0x7FA0_0001), out.globals().get(1).initExpr());
    byte[] expected = new byte[] {(byte) 0xFD, 12, 1, 0, (byte) 0xC0, 0x7F, 0, 0, 0, (byte) 0x80};
    assertArrayEquals(
        expected, Arrays.copyOf(out.globals().get(0).initExpr(), 10), "little-endian lanes");
  }

  @Test
  void copiesEachSegmentFromGuestMemoryOnceInBoundedReads() {
    ArrayMemory memory = new ArrayMemory(64); // 4 MiB
    for (int i = 0; i < memory.bytes.length; i++) {
      memory.bytes[i] = (byte) (i * 31 + 7);
    }
    int length = 3 * GuestPayload.CHUNK + 5;
    Snapshot snapshot =
        new Snapshot(
            Map.of(),
            List.of(new MemorySnapshot(0, 64, length, List.of(new DataRun(9, length)), memory)),
            Set.of());
    WasmModule module = ModuleParser.parse(Wat.assemble("(module (memory 1))"));
    OutputAssembler.Output output =
        OutputAssembler.assemble(module, snapshot, InitRules.defaults());
    assertEquals(4, memory.reads, "one read per chunk, nothing read twice");
    DataSegment segment = ModuleParser.parse(output.bytes()).data().get(0);
    assertEquals(length, segment.payloadLength());
    assertArrayEquals(
        Arrays.copyOfRange(memory.bytes, 9, 9 + length),
        Arrays.copyOfRange(
            output.bytes(), segment.payloadOffset(), segment.payloadOffset() + length));
  }

  @Test
  void rejectsAnOutputTooLargeForOneArrayBeforeReadingMemory() {
    // Three 1 GiB runs of a memory64: a 3 GiB module, which no Java array holds.
    long gib = 1L << 30;
    GuestMemory unreadable =
        new GuestMemory() {
          @Override
          public long byteSize() {
            return 3 * gib;
          }

          @Override
          public void read(long address, byte[] dst, int dstOffset, int length) {
            throw new AssertionError("read before the size was checked");
          }

          @Override
          public void write(long address, byte[] src, int srcOffset, int length) {
            throw new AssertionError();
          }
        };
    List<DataRun> runs =
        List.of(new DataRun(0, (int) gib), new DataRun(gib, (int) gib), new DataRun(2 * gib, 1));
    Snapshot snapshot =
        new Snapshot(
            Map.of(),
            List.of(new MemorySnapshot(0, (2 * gib + 65536) >>> 16, 0, runs, unreadable)),
            Set.of());
    WasmModule unbounded = ModuleParser.parse(Wat.assemble("(module (memory i64 1))"));
    RejectedModuleException e =
        assertThrows(
            RejectedModuleException.class,
            () -> OutputAssembler.assemble(unbounded, snapshot, InitRules.defaults()));
    assertTrue(
        e.getMessage().startsWith("the snapshot is too large for one module: the output would be"),
        e.getMessage());
    assertTrue(e.getMessage().contains("2,147,483,649 of them memory contents"), e.getMessage());
  }
}
