package dev.wisex.parser.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ConstExpr;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.SectionBody;
import dev.wisex.parser.WasmModule;
import dev.wisex.testkit.Wat;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data section's exact size is known before its payloads are written (the rewrite allocates the
 * output from it), and the payloads land where the framing says.
 */
class DataSectionWriterTest {
  /** Payload {@code i} of length {@code n}: bytes that differ from segment to segment. */
  private static byte[] payload(int i, int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) (i + 1));
    return b;
  }

  /** Segment counts and lengths on both sides of each LEB128 length step. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 129, 300})
  void lengthIsExactAndMatchesAPlainEncoding(int count) {
    int[] lengths = {0, 1, 127, 128, 16_383, 16_384};
    int[] memories = {0, 1, 127, 128};
    DataSectionWriter writer = new DataSectionWriter();
    ByteWriter expected = new ByteWriter().u32(count);
    for (int i = 0; i < count; i++) {
      int n = lengths[i % lengths.length];
      byte[] p = payload(i, n);
      if (i % 3 == 2) {
        writer.passive(SectionBody.of(p));
        expected.u32(1).u32(n).bytes(p);
      } else {
        int memory = memories[i % memories.length];
        byte[] offset = ConstExpr.i32(i * 1000);
        writer.active(memory, offset, SectionBody.of(p));
        if (memory == 0) {
          expected.u32(0);
        } else {
          expected.u32(2).u32(memory);
        }
        expected.bytes(offset).u32(n).bytes(p);
      }
    }
    assertEquals(count, writer.count());
    assertEquals(expected.size(), writer.length());
    assertArrayEquals(expected.toByteArray(), writer.toContent());
  }

  @Test
  void writesDeferredPayloadsIntoTheModuleAtTheirSegments() {
    WasmModule module = ModuleParser.parse(Wat.assemble("(module (memory 1))"));
    DataSectionWriter data =
        new DataSectionWriter()
            .active(0, ConstExpr.i32(16), SectionBody.of(payload(6, 200)))
            .passive(new byte[] {1, 2, 3}, 1, 2);
    ModuleWriter layout = ModuleAssembler.layout(module, Map.of(Section.DATA, data), Set.of());
    byte[] out = layout.toByteArray();
    assertEquals(layout.size(), out.length);
    WasmModule again = ModuleParser.parse(out);
    DataSegment first = again.data().get(0);
    assertArrayEquals(
        payload(6, 200),
        Arrays.copyOfRange(out, first.payloadOffset(), first.payloadOffset() + 200));
    DataSegment second = again.data().get(1);
    assertArrayEquals(
        new byte[] {2, 3},
        Arrays.copyOfRange(out, second.payloadOffset(), second.payloadOffset() + 2));
  }

  @Test
  void aModuleLargerThanOneArrayIsRejectedBeforeAllocating() {
    WasmModule module = ModuleParser.parse(Wat.assemble("(module (memory 1))"));
    SectionBody huge =
        new SectionBody() {
          @Override
          public long length() {
            return 3L << 30;
          }

          @Override
          public void writeTo(byte[] dst, int offset) {
            throw new AssertionError("written although too large");
          }
        };
    ModuleWriter layout = ModuleAssembler.layout(module, Map.of(Section.DATA, huge), Set.of());
    assertEquals(true, layout.size() > ModuleWriter.MAX_BYTES);
    assertThrows(IllegalStateException.class, layout::toByteArray);
  }
}
