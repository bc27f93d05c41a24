package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.api.WisexOptions;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.instrument.Instrumenter;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which passive data segments init dropped is read back through probe functions that each select
 * among up to {@link Instrumenter#SEGMENTS_PER_PROBE} segments. A module of 600 passive segments,
 * every one named by a {@code data.drop} (in a function init never calls) and so probed, whose init
 * drops a chosen set that includes both sides of each probe's bounds: the output must keep exactly
 * the others, byte for byte, on every backend. The reference is the set the test chose.
 */
class DataSegmentProbesTest {
  private static final int SEGMENTS = 600;

  static Stream<String> backends() {
    return RuntimeRegistry.discover().available().stream().map(WasmRuntime::name);
  }

  private static byte[] payload(int segment) {
    byte[] bytes = new byte[3];
    Arrays.fill(bytes, (byte) (1 + segment % 250));
    return bytes;
  }

  @ParameterizedTest
  @MethodSource("backends")
  void theOutputKeepsExactlyTheSegmentsInitDidNotDrop(String backend) {
    int group = Instrumenter.SEGMENTS_PER_PROBE;
    TreeSet<Integer> dropped = new TreeSet<>();
    Random random = new Random(20261205);
    for (int i = 0; i < SEGMENTS; i++) {
      if (random.nextBoolean()) {
        dropped.add(i);
      }
    }
    // Each probe's first and last selector, the default target of its br_table, dropped and kept.
    dropped.addAll(java.util.List.of(0, group - 1, group, 2 * group - 1, 2 * group, SEGMENTS - 1));
    dropped.removeAll(java.util.List.of(1, group - 2, group + 1, 2 * group + 1));

    StringBuilder wat = new StringBuilder("(module (memory 1)\n");
    for (int i = 0; i < SEGMENTS; i++) {
      wat.append(
          String.format(
              "  (data \"\\%02x\\%02x\\%02x\")\n", 1 + i % 250, 1 + i % 250, 1 + i % 250));
    }
    wat.append("  (func (export \"wizex.initialize\")");
    dropped.forEach(i -> wat.append(" (data.drop ").append(i).append(')'));
    wat.append(")\n  (func $never");
    for (int i = 0; i < SEGMENTS; i++) {
      wat.append(" (data.drop ").append(i).append(')');
    }
    wat.append("))\n");
    byte[] input = Wat.assemble(wat.toString());

    WasmModule output =
        ModuleParser.parse(
            new Preinitializer(WisexOptions.builder().runtime(backend).noCache().build())
                .preinitialize(input)
                .module());

    for (int i = 0; i < SEGMENTS; i++) {
      DataSegment segment = output.data().get(i);
      assertEquals(false, segment.active(), "segment " + i + " stays passive");
      byte[] kept =
          Arrays.copyOfRange(
              output.bytes(),
              segment.payloadOffset(),
              segment.payloadOffset() + segment.payloadLength());
      assertArrayEquals(
          dropped.contains(i) ? new byte[0] : payload(i),
          kept,
          "segment " + i + (dropped.contains(i) ? " was dropped" : " was kept"));
    }
  }
}
