package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.InstructionSites;
import dev.wisex.parser.write.ModuleAssembler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Deterministic relaxed SIMD: replaces each relaxed SIMD instruction with code that computes the
 * result the WebAssembly 3.0 spec's deterministic profile prescribes (every relaxation parameter
 * 0), in the module init runs in only (the output is rewritten from the original and keeps its
 * relaxed instructions). The snapshot then never depends on which result the engine or the CPU
 * picks.
 *
 * <pre>
 * (i8x16.relaxed_swizzle (local.get 0) (local.get 1))
 * ;; becomes the standard instruction whose result the profile prescribes
 * (i8x16.swizzle (local.get 0) (local.get 1))
 * (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))
 * ;; becomes a call of an appended function: unfused, rounded twice
 * (call $madd (local.get 0) (local.get 1) (local.get 2)) ;; f32x4.add(f32x4.mul(a, b), c)
 * </pre>
 */
public final class RelaxedSimdPass {
  private static final Logger LOG = LogManager.getLogger(RelaxedSimdPass.class);

  private static final int V128 = 0x7B;

  /**
   * Relaxed sub-opcode → the standard SIMD instruction with the profile's result, same operands.
   */
  private static final Map<Integer, Integer> STANDARD_TWINS =
      Map.ofEntries(
          Map.entry(0x100, 0x0E), // i8x16.relaxed_swizzle → i8x16.swizzle (0 for index ≥ 16)
          Map.entry(0x101, 0xF8), // i32x4.relaxed_trunc_f32x4_s → i32x4.trunc_sat_f32x4_s
          Map.entry(0x102, 0xF9), // i32x4.relaxed_trunc_f32x4_u → i32x4.trunc_sat_f32x4_u
          Map.entry(0x103, 0xFC), // i32x4.relaxed_trunc_f64x2_s_zero → i32x4.trunc_sat_f64x2_s_zero
          Map.entry(0x104, 0xFD), // i32x4.relaxed_trunc_f64x2_u_zero → i32x4.trunc_sat_f64x2_u_zero
          Map.entry(0x109, 0x52), // i8x16.relaxed_laneselect → v128.bitselect
          Map.entry(0x10A, 0x52), // i16x8.relaxed_laneselect → v128.bitselect
          Map.entry(0x10B, 0x52), // i32x4.relaxed_laneselect → v128.bitselect
          Map.entry(0x10C, 0x52), // i64x2.relaxed_laneselect → v128.bitselect
          Map.entry(0x10D, 0xE8), // f32x4.relaxed_min → f32x4.min
          Map.entry(0x10E, 0xE9), // f32x4.relaxed_max → f32x4.max
          Map.entry(0x10F, 0xF4), // f64x2.relaxed_min → f64x2.min
          Map.entry(0x110, 0xF5), // f64x2.relaxed_max → f64x2.max
          Map.entry(0x111, 0x82)); // i16x8.relaxed_q15mulr_s → i16x8.q15mulr_sat_s

  private RelaxedSimdPass() {}

  /**
   * The module with every relaxed SIMD instruction replaced (parsed once, for the next pass);
   * {@code module} itself when {@code deterministic} is false or none occurs. Appended functions go
   * after every existing one, so no index moves.
   *
   * @param deterministic whether to apply the pass: false where the module uses no SIMD at all, or
   *     the engine's own choice was asked for
   */
  public static WasmModule apply(WasmModule module, boolean deterministic) {
    if (!deterministic) {
      return module;
    }
    InstructionSites sites = InstructionSites.of(module, InstructionSites::relaxedSimd);
    if (sites.isEmpty()) {
      return module;
    }
    AppendedFunctions appended = new AppendedFunctions(module);
    Map<Integer, byte[]> calls = new HashMap<>();
    int replaced = 0;
    List<List<CodeEditor.Edit>> edits = new ArrayList<>();
    for (List<InstructionSites.Site> body : sites.bodies()) {
      List<CodeEditor.Edit> bodyEdits = new ArrayList<>();
      for (InstructionSites.Site site : body) {
        int op = site.opcode() & ~InstructionSites.SIMD_PREFIX;
        Integer twin = STANDARD_TWINS.get(op);
        byte[] replacement =
            twin != null
                ? new Code().simd(twin).bytes()
                : calls.computeIfAbsent(op, o -> call(appended.add(type(o), helper(o))));
        bodyEdits.add(new CodeEditor.Edit(site.start(), site.end(), replacement));
        replaced++;
      }
      edits.add(bodyEdits);
    }
    Map<Integer, byte[]> contents = new HashMap<>();
    appended.putSections(contents);
    contents.put(Section.CODE, CodeEditor.codeSection(module, edits::get, appended.bodies()));
    LOG.debug(
        "relaxed SIMD pass: {} instructions replaced by the deterministic profile's", replaced);
    return ModuleParser.parse(ModuleAssembler.assemble(module, contents, Set.of()));
  }

  private static byte[] call(int function) {
    return new ByteWriter(6).u8(0x10).u32(function).toByteArray();
  }

  /** {@code (v128 v128) -> v128} for the dot product, three operands for the others. */
  private static byte[] type(int op) {
    return op == 0x112
        ? new byte[] {0x60, 2, V128, V128, 1, V128}
        : new byte[] {0x60, 3, V128, V128, V128, 1, V128};
  }

  /** The body (no locals) computing relaxed instruction {@code op} on its parameters. */
  private static byte[] helper(int op) {
    Code c = new Code();
    switch (op) {
      // madd(a, b, c) = fadd(fmul(a, b), c): the profile's unfused choice, rounded twice
      case 0x105 -> c.get(0).get(1).simd(0xE6).get(2).simd(0xE4); // f32x4 mul, add
      case 0x107 -> c.get(0).get(1).simd(0xF2).get(2).simd(0xF0); // f64x2 mul, add
      // nmadd(a, b, c) = madd(-a, b, c)
      case 0x106 -> c.get(0).simd(0xE1).get(1).simd(0xE6).get(2).simd(0xE4); // f32x4 neg
      case 0x108 -> c.get(0).simd(0xED).get(1).simd(0xF2).get(2).simd(0xF0); // f64x2 neg
      case 0x112 -> dot(c);
      // dot, then i32x4.extadd_pairwise_i16x8_s, then i32x4.add of the accumulator
      case 0x113 -> dot(c).simd(0x7E).get(2).simd(0xAE);
      default -> throw new IllegalStateException("no helper for relaxed SIMD op 0x" + op);
    }
    return c.end();
  }

  /**
   * i16x8.relaxed_dot_i8x16_i7x16_s as the profile has it: both bytes of a pair signed (the
   * profile's choice for the second operand), products exact in 16 bits, the pair's sum saturated.
   * Even bytes are the low halves of the 16-bit lanes (sign-extended by shifting left and back),
   * odd bytes the high halves.
   */
  private static Code dot(Code c) {
    int shl = 0x8B;
    int shrS = 0x8C;
    c.get(0).i32(8).simd(shl).i32(8).simd(shrS).get(1).i32(8).simd(shl).i32(8).simd(shrS);
    c.simd(0x95); // i16x8.mul: even products
    c.get(0).i32(8).simd(shrS).get(1).i32(8).simd(shrS);
    c.simd(0x95); // odd products
    return c.simd(0x8F); // i16x8.add_sat_s
  }

  /** A tiny assembler for the helpers' straight-line code. */
  private static final class Code {
    private final ByteWriter out = new ByteWriter(64);

    Code get(int local) {
      out.u8(0x20).u32(local);
      return this;
    }

    Code i32(int value) {
      out.u8(0x41).s32(value);
      return this;
    }

    Code simd(int op) {
      out.u8(0xFD).u32(op);
      return this;
    }

    /** The instructions alone, to splice into a body. */
    byte[] bytes() {
      return out.toByteArray();
    }

    /** A function body: no locals, the instructions, {@code end}. */
    byte[] end() {
      byte[] code = out.toByteArray();
      return new ByteWriter(code.length + 2).u8(0).bytes(code).u8(0x0B).toByteArray();
    }
  }
}
