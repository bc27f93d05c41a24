package dev.wisex.parser.analysis;

import dev.wisex.parser.WasmModule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Where each function body uses the numeric and SIMD instructions a pass asks for, so it can
 * replace them (an engine's defect worked around in place). Single-byte opcodes are numbered as
 * themselves, SIMD ones as {@link #SIMD_PREFIX} plus the sub-opcode, and the bulk memory
 * instructions {@code memory.init}, {@code memory.copy} and {@code memory.fill} as {@link
 * #MISC_PREFIX} plus theirs.
 *
 * @param bodies one list per defined function, in function order, each ascending
 */
public record InstructionSites(List<List<Site>> bodies) {
  /** Added to a {@code 0xFD} sub-opcode to number a SIMD instruction. */
  public static final int SIMD_PREFIX = 0xFD << 24;

  /** Added to a {@code 0xFC} sub-opcode to number a bulk memory instruction. */
  public static final int MISC_PREFIX = 0xFC << 24;

  /** {@code memory.init}, numbered as {@link #MISC_PREFIX} says. */
  public static final int MEMORY_INIT = MISC_PREFIX | 8;

  /** {@code memory.copy}, numbered as {@link #MISC_PREFIX} says. */
  public static final int MEMORY_COPY = MISC_PREFIX | 10;

  /** {@code memory.fill}, numbered as {@link #MISC_PREFIX} says. */
  public static final int MEMORY_FILL = MISC_PREFIX | 11;

  /** {@code i8x16.relaxed_swizzle}, the first of the 20 relaxed SIMD instructions. */
  public static final int FIRST_RELAXED_SIMD = SIMD_PREFIX | 0x100;

  /** {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}, the last relaxed SIMD instruction. */
  public static final int LAST_RELAXED_SIMD = SIMD_PREFIX | 0x113;

  public InstructionSites {
    bodies = bodies.stream().map(List::copyOf).toList();
  }

  /** One instruction occupying {@code [start, end)} of the module's bytes. */
  public record Site(int start, int end, int opcode) {}

  /** Whether {@code opcode} (numbered as {@link #SIMD_PREFIX} says) is a relaxed SIMD one. */
  public static boolean relaxedSimd(int opcode) {
    return opcode >= FIRST_RELAXED_SIMD && opcode <= LAST_RELAXED_SIMD;
  }

  /** Whether any body uses a wanted instruction. */
  public boolean isEmpty() {
    return bodies.stream().allMatch(List::isEmpty);
  }

  /**
   * Decodes every defined function's body of {@code module} and collects the instructions {@code
   * wanted} accepts.
   *
   * @throws dev.wisex.api.MalformedModuleException as {@link CodeScanner#scan} does
   */
  public static InstructionSites of(WasmModule module, IntPredicate wanted) {
    return of(module, wanted, null);
  }

  /**
   * As above, decoding only the bodies {@code only} holds (by body index; {@code null}: every one),
   * which the caller knows to be the only ones that can hold a wanted instruction ({@link
   * CodeFeatures#floatRoundingBodies}, say); the others have no sites.
   */
  public static InstructionSites of(WasmModule module, IntPredicate wanted, BitSet only) {
    List<List<Site>> bodies = new ArrayList<>(module.bodies().size());
    for (int i = 0; i < module.bodies().size(); i++) {
      bodies.add(new ArrayList<>());
    }
    InstructionDecoder.decodeBodies(
        module,
        only,
        i -> {
          List<Site> sites = bodies.get(i);
          return new SiteListener() {
            @Override
            public void computation(int start, int end, int opcode) {
              if (wanted.test(opcode)) {
                sites.add(new Site(start, end, opcode));
              }
            }
          };
        });
    return new InstructionSites(bodies);
  }
}
