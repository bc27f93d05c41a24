package dev.wisex.rewriter.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WasmTrapException;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.KnownDefect;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The functions that replace {@code memory.fill/copy/init} where GraalWasm misreads addresses of 2
 * GiB and more compute what the spec says, on every backend: with the slow path's threshold lowered
 * from 2^31 to 64 KiB, so the memories stay two pages, random calls around the threshold and the
 * memories' ends are checked against the spec's definitions computed in Java (bytes and traps).
 * Copies between the byte-array memory {@code $s} and the others always take the slow path
 * (GraalWasm cannot copy between memory kinds). {@code LargeMemoryTest} runs the real 2 GiB case
 * through init on GraalWasm.
 */
class HighAddressBulkMemoryTest {
  private static final long THRESHOLD = 0x10000;
  private static final int PAGE = 0x10000;

  /** GraalWasm's rule: a memory with a maximum of at most 32,767 pages is a byte array. */
  private static final Predicate<MemoryType> ON_HEAP = t -> t.hasMaximum() && t.maximum() <= 32767;

  /** The backends that run the tests' modules of several memories. */
  static List<WasmRuntime> backends() {
    return RuntimeRegistry.discover().available().stream()
        .filter(r -> r.capabilities().contains(Capability.MULTI_MEMORY))
        .toList();
  }

  private static WasmModule module() {
    return ModuleParser.parse(
        Wat.resource(HighAddressBulkMemoryTest.class, "/wat/large/bulk_memory_ops.wat"));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void everyCallLeavesTheBytesAndTrapsTheSpecPrescribes(WasmRuntime runtime) {
    // Memories of two pages: at or above the threshold, so every call reaches the added function.
    callAndCompare(runtime, THRESHOLD);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void belowTheThresholdTheInstructionItselfRunsAndLeavesTheSameBytes(WasmRuntime runtime) {
    // Memories smaller than the threshold: every call takes the in-place branch.
    callAndCompare(runtime, 4 * THRESHOLD);
  }

  private static void callAndCompare(WasmRuntime runtime, long threshold) {
    WasmModule rewritten = HighAddressBulkMemory.apply(module(), 4L << 30, threshold, ON_HEAP);
    Spec spec = new Spec();
    Random random = new Random(20261203);
    try (WasmInstance instance =
        runtime.instantiate(rewritten.bytes(), HostImports.none(), InstanceConfig.defaults())) {
      for (int i = 0; i < 1000; i++) {
        String export = EXPORTS.get(random.nextInt(EXPORTS.size()));
        int d = operand(random);
        int s = operand(random);
        int n = length(random);
        if (export.startsWith("drop")) {
          instance.call(export);
          spec.dropped.put(export.substring(5), true);
          continue;
        }
        boolean expectTrap = !spec.apply(export, d, s, n);
        boolean trapped = false;
        try {
          instance.call(export, d, s, n);
        } catch (WasmTrapException e) {
          trapped = true;
        }
        String call = export + "(" + hex(d) + ", " + hex(s) + ", " + hex(n) + ") call " + i;
        assertEquals(expectTrap, trapped, call + ": trapped");
        for (String memory : List.of("a", "b", "s")) {
          assertArrayEquals(
              spec.memory(memory), read(instance, memory, spec.memory(memory).length), call);
        }
      }
    }
  }

  static List<WasmRuntime> memory64Backends() {
    return backends().stream().filter(r -> r.capabilities().contains(Capability.MEMORY64)).toList();
  }

  /**
   * Copies between 64-bit and 32-bit memories, and between a 64-bit memory and a byte-array one
   * (GraalWasm threw a ClassCastException): random calls with operands around the memories' ends,
   * past 2^32 and wrapping past 2^64, against the spec computed in Java with unbounded integers.
   */
  @ParameterizedTest
  @MethodSource("memory64Backends")
  void copiesBetweenMemoryWidthsLeaveTheBytesAndTrapsTheSpecPrescribes(WasmRuntime runtime) {
    WasmModule original =
        ModuleParser.parse(
            Wat.resource(HighAddressBulkMemoryTest.class, "/wat/large/bulk_memory_wide_ops.wat"));
    WasmModule rewritten = HighAddressBulkMemory.apply(original, 4L << 30, THRESHOLD, ON_HEAP);
    // copy_wn, copy_nw, copy_sw, copy_ws (memory kinds), copy_wo, copy_ow ($o can pass the
    // threshold), copy_sn and fill_n ($n's two pages pass it) through added functions; copy_wv,
    // copy_vw (64-bit operands are read right) and fill_w stay.
    assertEquals(original.functionTypes().length + 8, rewritten.functionTypes().length, "helpers");
    Map<String, byte[]> spec = new java.util.TreeMap<>();
    for (String m : List.of("w", "v", "n", "o", "s")) {
      spec.put(m, new byte[2 * PAGE]);
    }
    Random random = new Random(20261204);
    int trapsSeen = 0;
    try (WasmInstance instance =
        runtime.instantiate(rewritten.bytes(), HostImports.none(), InstanceConfig.defaults())) {
      for (int i = 0; i < 1000; i++) {
        String export = WIDE_EXPORTS.get(random.nextInt(WIDE_EXPORTS.size()));
        char to = export.charAt(5);
        char from = export.length() > 6 ? export.charAt(6) : to;
        boolean fill = export.startsWith("fill");
        boolean wideLength = fill ? to == 'w' : wide(to) && wide(from);
        long d = wideOperand(random, wide(to));
        long s = fill ? random.nextInt(256) : wideOperand(random, wide(from));
        long n = wideLength(random, wideLength);
        BigInteger end = unsigned(d).add(unsigned(n));
        BigInteger size = BigInteger.valueOf(2 * PAGE);
        boolean expectTrap =
            end.compareTo(size) > 0 || !fill && unsigned(s).add(unsigned(n)).compareTo(size) > 0;
        String call =
            export
                + "(0x"
                + Long.toHexString(d)
                + ", 0x"
                + Long.toHexString(s)
                + ", 0x"
                + Long.toHexString(n)
                + ") call "
                + i;
        boolean trapped = false;
        try {
          instance.call(export, d, s, n);
        } catch (WasmTrapException e) {
          trapped = true;
        }
        assertEquals(expectTrap, trapped, call + ": trapped");
        if (expectTrap) {
          trapsSeen++;
        } else if (fill) {
          Arrays.fill(spec.get("" + to), (int) d, (int) (d + n), (byte) s);
        } else {
          System.arraycopy(spec.get("" + from), (int) s, spec.get("" + to), (int) d, (int) n);
        }
        for (Map.Entry<String, byte[]> memory : spec.entrySet()) {
          assertArrayEquals(
              memory.getValue(),
              read(instance, memory.getKey(), 2 * PAGE),
              call + ", memory " + memory.getKey());
        }
      }
    }
    assertTrue(trapsSeen > 100 && trapsSeen < 900, trapsSeen + " of 1,000 calls trapped");
  }

  private static final List<String> WIDE_EXPORTS =
      List.of(
          "copy_wn", "copy_nw", "copy_wo", "copy_ow", "copy_wv", "copy_vw", "copy_sw", "copy_ws",
          "copy_sn", "fill_w", "fill_n", "fill_w");

  private static boolean wide(char memory) {
    return memory == 'w' || memory == 'v' || memory == 's';
  }

  /** An address: around 0 and the memories' ends; for a 64-bit memory also past 2^32 and 2^64. */
  private static long wideOperand(Random r, boolean wide) {
    long[] bases = {0, PAGE, 2 * PAGE, 0x1_0000_0000L, -64};
    long value =
        switch (r.nextInt(wide ? 6 : 4)) {
          case 0 -> r.nextInt(2 * PAGE + 16);
          case 1 -> r.nextInt(2 * PAGE) & ~7;
          case 2 -> 2 * PAGE - r.nextInt(300);
          case 3 -> r.nextInt();
          default -> bases[r.nextInt(bases.length)] + r.nextInt(64) - 32;
        };
    return wide ? value : value & 0xFFFF_FFFFL;
  }

  /** A length: short, around a page, up to the memories' size, and huge (past 2^64 with d). */
  private static long wideLength(Random r, boolean wide) {
    long value =
        switch (r.nextInt(wide ? 7 : 6)) {
          case 0 -> 0;
          case 1 -> r.nextInt(2 * PAGE + 16);
          case 2 -> 0x80000000L + r.nextInt(64);
          case 3 -> PAGE + r.nextInt(64) - 32;
          case 6 -> -r.nextInt(64) - 1;
          default -> r.nextInt(200);
        };
    return wide ? value : value & 0xFFFF_FFFFL;
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  @Test
  void replacesOnlyInstructionsOnMemoriesThatCanPassTheThreshold() {
    WasmModule original = module();
    WasmModule rewritten = HighAddressBulkMemory.apply(original, 4L << 30, THRESHOLD, ON_HEAP);
    // 8 replaced instructions, one function each (fill_s and init_s_p stay: $s has one page);
    // copy_sa is replaced because its source can pass the threshold. One scratch memory added.
    assertEquals(original.functionTypes().length + 8, rewritten.functionTypes().length, "helpers");
    assertEquals(original.allMemories().size() + 1, rewritten.allMemories().size());
    assertNotEquals(original.bodies().size(), rewritten.bodies().size());
  }

  @Test
  void leavesTheModuleAloneWhenNoMemoryCanReachTheThreshold() {
    WasmModule original = module();
    // --max-memory (or the engine) keeps every memory at or below 2 GiB, and copies between the
    // heap memory $s and the others work: nothing to rewrite.
    Set<KnownDefect> signExtends = Set.of(KnownDefect.I32_ADDRESS_SIGN_EXTENSION);
    assertSame(original, HighAddressBulkMemory.apply(original, 2L << 30, signExtends, ON_HEAP));
    assertSame(original, HighAddressBulkMemory.apply(original, 4L << 30, Set.of(), ON_HEAP));
    WasmModule memory64 =
        ModuleParser.parse(
            Wat.assemble(
                "(module (memory i64 1) (func (export \"f\") (memory.fill (i64.const 0)"
                    + " (i32.const 0) (i64.const 0))))"));
    assertSame(memory64, HighAddressBulkMemory.apply(memory64, 1L << 40, signExtends, ON_HEAP));
  }

  private static final List<String> EXPORTS =
      List.of(
          "fill_a",
          "fill_b",
          "fill_s",
          "copy_aa",
          "copy_bb",
          "copy_ab",
          "copy_sa",
          "init_a_p",
          "init_b_q",
          "init_s_p",
          "fill_a",
          "copy_aa",
          "init_a_p",
          "drop_p",
          "drop_q");

  /** Addresses: around 0, the threshold, the ends of the memories, and far past them. */
  private static int operand(Random r) {
    int[] bases = {0, (int) THRESHOLD, PAGE, 2 * PAGE, 0x80000000, 0xFFFFFFF0};
    return switch (r.nextInt(8)) {
      case 0 -> r.nextInt();
      case 1 -> r.nextInt(2 * PAGE + 16);
      default -> bases[r.nextInt(bases.length)] + r.nextInt(64) - 32;
    };
  }

  /** Lengths: short, up to the memory's size, and huge. */
  private static int length(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> 0;
      case 1 -> r.nextInt(2 * PAGE + 16);
      case 2 -> 0x80000000 + r.nextInt(64);
      case 3 -> PAGE + r.nextInt(64) - 32;
      default -> r.nextInt(200);
    };
  }

  private static byte[] read(WasmInstance instance, String memory, int length) {
    byte[] bytes = new byte[length];
    instance.memory(memory).read(0, bytes, 0, length);
    return bytes;
  }

  private static String hex(int v) {
    return "0x" + Integer.toHexString(v);
  }

  /** The spec's bulk memory instructions over Java arrays (unsigned operands, checks first). */
  private static final class Spec {
    private final Map<String, byte[]> memories =
        Map.of("a", new byte[2 * PAGE], "b", new byte[2 * PAGE], "s", new byte[PAGE]);
    private final Map<String, byte[]> segments =
        Map.of("p", segmentP(), "q", ascii("0123456789abcdef"));
    private final Map<String, Boolean> dropped = new java.util.HashMap<>();

    byte[] memory(String name) {
      return memories.get(name);
    }

    /** Applies {@code export}; false if the spec traps (then nothing was written). */
    boolean apply(String export, int d, int s, int n) {
      long dst = Integer.toUnsignedLong(d);
      long src = Integer.toUnsignedLong(s);
      long len = Integer.toUnsignedLong(n);
      String[] parts = export.split("_");
      byte[] to = memories.get(parts[1].substring(0, 1));
      switch (parts[0]) {
        case "fill" -> {
          if (dst + len > to.length) {
            return false;
          }
          Arrays.fill(to, (int) dst, (int) (dst + len), (byte) s);
        }
        case "copy" -> {
          byte[] from = memories.get(parts[1].substring(1, 2));
          if (dst + len > to.length || src + len > from.length) {
            return false;
          }
          System.arraycopy(from, (int) src, to, (int) dst, (int) len); // memmove semantics
        }
        default -> {
          String name = parts[2];
          byte[] data = dropped.getOrDefault(name, false) ? new byte[0] : segments.get(name);
          if (dst + len > to.length || src + len > data.length) {
            return false;
          }
          System.arraycopy(data, (int) src, to, (int) dst, (int) len);
        }
      }
      return true;
    }

    private static byte[] segmentP() {
      byte[] low = new byte[32];
      byte[] high = new byte[16];
      for (int i = 0; i < 32; i++) {
        low[i] = (byte) i;
      }
      for (int i = 0; i < 16; i++) {
        high[i] = (byte) (0xF0 + i);
      }
      byte[] text =
          ascii(
              "the quick brown fox jumps over the lazy dog 0123456789 THE QUICK BROWN FOX JUMPS"
                  + " OVER THE LAZY DOG");
      byte[] all = new byte[low.length + text.length + high.length];
      System.arraycopy(low, 0, all, 0, low.length);
      System.arraycopy(text, 0, all, low.length, text.length);
      System.arraycopy(high, 0, all, low.length + text.length, high.length);
      return all;
    }

    private static byte[] ascii(String s) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }
  }
}
