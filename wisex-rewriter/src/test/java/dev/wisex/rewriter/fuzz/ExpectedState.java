package dev.wisex.rewriter.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What init leaves behind, worked out in Java from the operations {@link RandomModule} generated
 * (their operands are constants): the fuzzer's reference that no engine computes, so an engine that
 * stores, fills, copies or grows wrongly cannot agree with itself into a passing test. The output
 * is read without running it: each memory's initial size, its active segments' bytes and each
 * global's constant.
 */
final class ExpectedState {
  private static final int PAGE = 65536;

  private final List<byte[]> memories = new ArrayList<>();
  private final List<String> globalTypes = new ArrayList<>();
  private final List<Long> globals = new ArrayList<>();

  /** A memory of {@code pages} zero pages. */
  void memory(int pages) {
    memories.add(new byte[pages * PAGE]);
  }

  void global(String type, long bits) {
    globalTypes.add(type);
    globals.add(bits);
  }

  void setGlobal(int g, long bits) {
    globals.set(g, bits);
  }

  int pages(int m) {
    return memories.get(m).length / PAGE;
  }

  /** A store of the low {@code width} bytes of {@code bits}, little-endian. */
  void store(int m, long at, int width, long bits) {
    byte[] memory = memories.get(m);
    for (int i = 0; i < width; i++) {
      memory[(int) at + i] = (byte) (bits >>> (8 * i));
    }
  }

  /** The {@code width} bytes at {@code at}, little-endian, zero-extended. */
  long load(int m, long at, int width) {
    byte[] memory = memories.get(m);
    long bits = 0;
    for (int i = width - 1; i >= 0; i--) {
      bits = (bits << 8) | (memory[(int) at + i] & 0xFF);
    }
    return bits;
  }

  void fill(int m, long at, int value, long length) {
    Arrays.fill(memories.get(m), (int) at, (int) (at + length), (byte) value);
  }

  /** {@code memory.copy}: as if through a buffer, so overlapping ranges copy as the spec says. */
  void copy(int to, long d, int from, long s, long length) {
    System.arraycopy(memories.get(from), (int) s, memories.get(to), (int) d, (int) length);
  }

  /** An active segment at instantiation, or {@code memory.init} from a passive one. */
  void write(int m, long at, byte[] bytes, int from, int length) {
    System.arraycopy(bytes, from, memories.get(m), (int) at, length);
  }

  void grow(int m, int pages) {
    memories.set(m, Arrays.copyOf(memories.get(m), (pages(m) + pages) * PAGE));
  }

  /** Fails unless the output's memories and globals start in exactly this state. */
  void assertOutput(byte[] output) {
    WasmModule module = ModuleParser.parse(output);
    for (int m = 0; m < memories.size(); m++) {
      byte[] expected = memories.get(m);
      assertEquals(pages(m), module.allMemories().get(m).minimum(), "pages of memory " + m);
      byte[] actual = new byte[expected.length];
      for (DataSegment segment : module.data()) {
        if (segment.active() && segment.memoryIndex() == m) {
          long at = segment.constantOffset().orElseThrow();
          System.arraycopy(
              output, segment.payloadOffset(), actual, (int) at, segment.payloadLength());
        }
      }
      assertArrayEquals(expected, actual, "bytes of memory " + m);
    }
    for (int g = 0; g < globals.size(); g++) {
      assertEquals(
          globals.get(g),
          constant(module.globals().get(g).initExpr()),
          "global " + g + " (" + globalTypes.get(g) + ") bits");
    }
  }

  /** The bits of a constant expression {@code t.const c; end}. */
  private static long constant(byte[] expr) {
    ByteReader in = new ByteReader(expr);
    int op = in.u8("opcode");
    return switch (op) {
      case 0x41 -> in.s32("i32") & 0xFFFF_FFFFL;
      case 0x42 -> in.s64("i64");
      case 0x43 -> littleEndian(in, 4);
      case 0x44 -> littleEndian(in, 8);
      default -> throw new AssertionError("not a constant: opcode 0x" + Integer.toHexString(op));
    };
  }

  private static long littleEndian(ByteReader in, int width) {
    long bits = 0;
    for (int i = 0; i < width; i++) {
      bits |= (long) in.u8("byte") << (8 * i);
    }
    return bits;
  }
}
