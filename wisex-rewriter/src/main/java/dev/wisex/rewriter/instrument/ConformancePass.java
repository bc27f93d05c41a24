package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.InstructionSites;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.runtime.spi.KnownDefect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Conformance pass: replaces each instruction the backend declares it computes wrongly ({@link
 * KnownDefect}) with an equivalent sequence it gets right, in the module init runs in only (the
 * output is rewritten from the original).
 *
 * <pre>
 * (i8x16.shl (local.get 0) (local.get 1))
 * ;; becomes, on a backend with SIMD_NARROW_SHIFT_COUNT
 * (i8x16.shl (local.get 0) (i32.and (local.get 1) (i32.const 7)))
 * (f32.convert_i64_u (local.get 0))
 * ;; becomes, on a backend with F32_CONVERT_I64_U_ROUNDING
 * (call $f32_convert_i64_u (local.get 0))  ;; an appended function, exact for every input
 * </pre>
 */
public final class ConformancePass {
  private static final Logger LOG = LogManager.getLogger(ConformancePass.class);

  static final int F32_CONVERT_I64_U = 0xB5;
  private static final byte[] I64_TO_F32 = {
    0x60, 1, 0x7E, 1, 0x7D
  }; // (func (param i64) (result f32))
  private static final Map<Integer, Integer> NARROW_SHIFT_MASKS =
      Map.of(
          InstructionSites.SIMD_PREFIX | 0x6B, 7, // i8x16.shl
          InstructionSites.SIMD_PREFIX | 0x6C, 7, // i8x16.shr_s
          InstructionSites.SIMD_PREFIX | 0x6D, 7, // i8x16.shr_u
          InstructionSites.SIMD_PREFIX | 0x8B, 15, // i16x8.shl
          InstructionSites.SIMD_PREFIX | 0x8C, 15, // i16x8.shr_s
          InstructionSites.SIMD_PREFIX | 0x8D, 15); // i16x8.shr_u

  private ConformancePass() {}

  /**
   * The module with every instruction affected by one of {@code defects} replaced (parsed once, for
   * the next pass); {@code module} itself when none occurs. Appended functions go after every
   * existing one, so no index moves.
   */
  public static WasmModule apply(WasmModule module, Set<KnownDefect> defects) {
    boolean shifts = defects.contains(KnownDefect.SIMD_NARROW_SHIFT_COUNT);
    boolean convert = defects.contains(KnownDefect.F32_CONVERT_I64_U_ROUNDING);
    if (!shifts && !convert) {
      return module;
    }
    InstructionSites sites =
        InstructionSites.of(
            module,
            op ->
                (shifts && NARROW_SHIFT_MASKS.containsKey(op))
                    || (convert && op == F32_CONVERT_I64_U));
    if (sites.isEmpty()) {
      return module;
    }
    boolean needsHelper =
        sites.bodies().stream()
            .flatMap(List::stream)
            .anyMatch(s -> s.opcode() == F32_CONVERT_I64_U);
    AppendedFunctions appended = new AppendedFunctions(module);
    byte[] call =
        needsHelper
            ? new ByteWriter(6)
                .u8(0x10)
                .u32(appended.add(I64_TO_F32, f32ConvertI64U()))
                .toByteArray()
            : null;
    int replaced = 0;
    List<List<CodeEditor.Edit>> edits = new ArrayList<>();
    for (List<InstructionSites.Site> body : sites.bodies()) {
      List<CodeEditor.Edit> bodyEdits = new ArrayList<>();
      for (InstructionSites.Site site : body) {
        if (site.opcode() == F32_CONVERT_I64_U) {
          bodyEdits.add(new CodeEditor.Edit(site.start(), site.end(), call));
        } else {
          int mask = NARROW_SHIFT_MASKS.get(site.opcode());
          bodyEdits.add(CodeEditor.Edit.insert(site.start(), new byte[] {0x41, (byte) mask, 0x71}));
        }
        replaced++;
      }
      edits.add(bodyEdits);
    }
    Map<Integer, byte[]> contents = new HashMap<>();
    appended.putSections(contents);
    contents.put(Section.CODE, CodeEditor.codeSection(module, edits::get, appended.bodies()));
    LOG.debug("conformance pass: {} instructions replaced for {}", replaced, defects);
    return ModuleParser.parse(ModuleAssembler.assemble(module, contents, Set.of()));
  }

  /**
   * {@code (param i64) (result f32)}: a non-negative input converts signed (exact rounding); a
   * larger one is halved with its lowest bit ORed back in (round to odd: the lost bit stays visible
   * to the rounding), converted signed, and doubled, which is exact.
   */
  private static byte[] f32ConvertI64U() {
    return new byte[] {
      0, // no locals
      0x20,
      0,
      0x42,
      0,
      0x53, // local.get 0; i64.const 0; i64.lt_s
      0x04,
      0x7D, // if (result f32)
      0x20,
      0,
      0x42,
      1,
      (byte) 0x88, // local.get 0; i64.const 1; i64.shr_u
      0x20,
      0,
      0x42,
      1,
      (byte) 0x83, // local.get 0; i64.const 1; i64.and
      (byte) 0x84, // i64.or
      (byte) 0xB4, // f32.convert_i64_s
      0x43,
      0,
      0,
      0,
      0x40, // f32.const 2
      (byte) 0x94, // f32.mul
      0x05, // else
      0x20,
      0,
      (byte) 0xB4, // local.get 0; f32.convert_i64_s
      0x0B, // end
      0x0B // end
    };
  }
}
