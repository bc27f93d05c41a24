package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.analysis.InstructionSites;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.runtime.spi.KnownDefect;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * ;; and f64.convert_i64_u likewise, on a backend with F64_CONVERT_I64_U_ROUNDING
 * (f64.min (local.get 0) (local.get 1))
 * ;; becomes, on a backend with NAN_NOT_QUIETED
 * (call $quiet_f64 (f64.min (local.get 0) (local.get 1)))  ;; sets a NaN's quiet bit
 * </pre>
 */
public final class ConformancePass {
  private static final Logger LOG = LogManager.getLogger(ConformancePass.class);

  static final int F32_CONVERT_I64_U = 0xB5;
  static final int F64_CONVERT_I64_U = 0xBA;

  /** The unsigned conversions an engine may round wrongly, each with its exact replacement. */
  private static final Map<Integer, Conversion> CONVERSIONS =
      Map.of(
          F32_CONVERT_I64_U,
          new Conversion(KnownDefect.F32_CONVERT_I64_U_ROUNDING, 0x7D, 0xB4, 0x94, f32Two()),
          F64_CONVERT_I64_U,
          new Conversion(KnownDefect.F64_CONVERT_I64_U_ROUNDING, 0x7C, 0xB9, 0xA2, f64Two()));

  private static final Map<Integer, Integer> NARROW_SHIFT_MASKS =
      Map.of(
          InstructionSites.SIMD_PREFIX | 0x6B, 7, // i8x16.shl
          InstructionSites.SIMD_PREFIX | 0x6C, 7, // i8x16.shr_s
          InstructionSites.SIMD_PREFIX | 0x6D, 7, // i8x16.shr_u
          InstructionSites.SIMD_PREFIX | 0x8B, 15, // i16x8.shl
          InstructionSites.SIMD_PREFIX | 0x8C, 15, // i16x8.shr_s
          InstructionSites.SIMD_PREFIX | 0x8D, 15); // i16x8.shr_u

  /**
   * The instructions that return a signalling NaN operand unquieted ({@link
   * KnownDefect#NAN_NOT_QUIETED}), each with the quieting function its result passes through.
   */
  private static final Map<Integer, Quieting> NAN_PASSING =
      Map.ofEntries(
          Map.entry(0x96, Quieting.F32), // f32.min
          Map.entry(0x97, Quieting.F32), // f32.max
          Map.entry(0x9B, Quieting.F64), // f64.ceil
          Map.entry(0x9C, Quieting.F64), // f64.floor
          Map.entry(0x9D, Quieting.F64), // f64.trunc
          Map.entry(0xA4, Quieting.F64), // f64.min
          Map.entry(0xA5, Quieting.F64), // f64.max
          Map.entry(InstructionSites.SIMD_PREFIX | 0xE8, Quieting.F32X4), // f32x4.min
          Map.entry(InstructionSites.SIMD_PREFIX | 0xE9, Quieting.F32X4), // f32x4.max
          Map.entry(InstructionSites.SIMD_PREFIX | 0x74, Quieting.F64X2), // f64x2.ceil
          Map.entry(InstructionSites.SIMD_PREFIX | 0x75, Quieting.F64X2), // f64x2.floor
          Map.entry(InstructionSites.SIMD_PREFIX | 0x7A, Quieting.F64X2), // f64x2.trunc
          Map.entry(InstructionSites.SIMD_PREFIX | 0xF4, Quieting.F64X2), // f64x2.min
          Map.entry(InstructionSites.SIMD_PREFIX | 0xF5, Quieting.F64X2)); // f64x2.max

  private ConformancePass() {}

  /**
   * The module with every instruction affected by one of {@code defects} replaced (parsed once, for
   * the next pass); {@code module} itself when none occurs. Appended functions go after every
   * existing one, so no index moves.
   */
  public static WasmModule apply(WasmModule module, Set<KnownDefect> defects) {
    return apply(module, defects, null);
  }

  /**
   * As above, where {@code floatRoundingBodies} ({@link CodeFeatures#floatRoundingBodies} of the
   * module's code, by body index; {@code null} if unknown) holds every body that can use one of the
   * instructions of {@link KnownDefect#NAN_NOT_QUIETED}: when those are the only ones to replace,
   * only these bodies are decoded (ruby.wasm: 85 ms of decoding spared).
   */
  public static WasmModule apply(
      WasmModule module, Set<KnownDefect> defects, BitSet floatRoundingBodies) {
    boolean shifts = defects.contains(KnownDefect.SIMD_NARROW_SHIFT_COUNT);
    Set<Integer> conversions = new HashSet<>();
    CONVERSIONS.forEach(
        (opcode, conversion) -> {
          if (defects.contains(conversion.defect())) {
            conversions.add(opcode);
          }
        });
    boolean nans = defects.contains(KnownDefect.NAN_NOT_QUIETED);
    if (!shifts && conversions.isEmpty() && !nans) {
      return module;
    }
    InstructionSites sites =
        InstructionSites.of(
            module,
            op ->
                (shifts && NARROW_SHIFT_MASKS.containsKey(op))
                    || conversions.contains(op)
                    || (nans && NAN_PASSING.containsKey(op)),
            shifts || !conversions.isEmpty() ? null : floatRoundingBodies);
    if (sites.isEmpty()) {
      return module;
    }
    AppendedFunctions appended = new AppendedFunctions(module);
    // One appended function per helper, called from every site that needs it.
    Map<Helper, byte[]> calls = new HashMap<>();
    Function<Helper, byte[]> callTo =
        helper ->
            calls.computeIfAbsent(
                helper,
                h ->
                    new ByteWriter(6).u8(0x10).u32(appended.add(h.type(), h.body())).toByteArray());
    int replaced = 0;
    List<List<CodeEditor.Edit>> edits = new ArrayList<>();
    for (List<InstructionSites.Site> body : sites.bodies()) {
      List<CodeEditor.Edit> bodyEdits = new ArrayList<>();
      for (InstructionSites.Site site : body) {
        if (conversions.contains(site.opcode())) {
          byte[] call = callTo.apply(CONVERSIONS.get(site.opcode()));
          bodyEdits.add(new CodeEditor.Edit(site.start(), site.end(), call));
        } else if (nans && NAN_PASSING.containsKey(site.opcode())) {
          bodyEdits.add(
              CodeEditor.Edit.insert(site.end(), callTo.apply(NAN_PASSING.get(site.opcode()))));
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

  /** A function the pass appends once and calls where an instruction needs it. */
  private interface Helper {
    byte[] type();

    byte[] body();
  }

  /**
   * An unsigned conversion of {@code i64} to a float type, replaced by an appended function of
   * {@code (param i64) (result T)}: a non-negative input converts signed (exact rounding); a larger
   * one is halved with its lowest bit ORed back in (round to odd: the lost bit stays visible to the
   * rounding), converted signed, and doubled, which is exact.
   *
   * @param defect the engine defect that calls for it
   * @param result the result's value type ({@code f32} 0x7D, {@code f64} 0x7C)
   * @param convertSigned {@code T.convert_i64_s}
   * @param multiply {@code T.mul}
   * @param two {@code T.const 2}
   */
  private record Conversion(
      KnownDefect defect, int result, int convertSigned, int multiply, byte[] two)
      implements Helper {
    @Override
    public byte[] type() {
      return new byte[] {0x60, 1, 0x7E, 1, (byte) result};
    }

    @Override
    public byte[] body() {
      ByteWriter body =
          new ByteWriter(48)
              .u8(0) // no locals
              .u8(0x20)
              .u8(0)
              .u8(0x42)
              .u8(0)
              .u8(0x53) // local.get 0; i64.const 0; i64.lt_s
              .u8(0x04)
              .u8(result) // if (result T)
              .u8(0x20)
              .u8(0)
              .u8(0x42)
              .u8(1)
              .u8(0x88) // local.get 0; i64.const 1; i64.shr_u
              .u8(0x20)
              .u8(0)
              .u8(0x42)
              .u8(1)
              .u8(0x83) // local.get 0; i64.const 1; i64.and
              .u8(0x84) // i64.or
              .u8(convertSigned);
      for (byte b : two) {
        body.u8(b & 0xFF);
      }
      return body.u8(multiply) // T.mul
          .u8(0x05) // else
          .u8(0x20)
          .u8(0)
          .u8(convertSigned) // local.get 0; T.convert_i64_s
          .u8(0x0B) // end
          .u8(0x0B) // end
          .toByteArray();
    }
  }

  /**
   * A function of {@code (param T) (result T)} that returns its argument with the quiet bit of each
   * NaN lane set, every other lane as it is: {@code x != x} marks the NaNs, and an {@code or} with
   * the quiet bit under that mask quiets them (the payload stays, as wasmtime keeps it).
   */
  private enum Quieting implements Helper {
    F32(0x7D, 0x5C, 4, 0x0040_0000L),
    F64(0x7C, 0x62, 8, 0x0008_0000_0000_0000L),
    F32X4(0x7B, 0x42, 4, 0x0040_0000L),
    F64X2(0x7B, 0x48, 8, 0x0008_0000_0000_0000L);

    private final int valueType;
    private final int notEqual;
    private final int laneBytes;
    private final long quietBit;

    /**
     * @param notEqual {@code f32.ne}/{@code f64.ne}, or the sub-opcode of {@code f32x4.ne}/{@code
     *     f64x2.ne}
     * @param laneBytes the bytes of one value or lane
     * @param quietBit the quiet bit of a NaN of that width
     */
    Quieting(int valueType, int notEqual, int laneBytes, long quietBit) {
      this.valueType = valueType;
      this.notEqual = notEqual;
      this.laneBytes = laneBytes;
      this.quietBit = quietBit;
    }

    @Override
    public byte[] type() {
      return new byte[] {0x60, 1, (byte) valueType, 1, (byte) valueType};
    }

    @Override
    public byte[] body() {
      boolean f32 = laneBytes == 4;
      ByteWriter body = new ByteWriter(40).u8(0); // no locals
      if (valueType != 0x7B) {
        // (if (result T) (T.ne x x) (then (T.reinterpret (iN.or (iN.reinterpret x) quiet)))
        //   (else x))
        body.u8(0x20).u8(0).u8(0x20).u8(0).u8(notEqual).u8(0x04).u8(valueType);
        body.u8(0x20).u8(0).u8(f32 ? 0xBC : 0xBD); // local.get 0; iN.reinterpret_fN
        if (f32) {
          body.u8(0x41).s32((int) quietBit).u8(0x72); // i32.const; i32.or
        } else {
          body.u8(0x42).s64(quietBit).u8(0x84); // i64.const; i64.or
        }
        body.u8(f32 ? 0xBE : 0xBF).u8(0x05).u8(0x20).u8(0).u8(0x0B); // fN.reinterpret; else x
        return body.u8(0x0B).toByteArray();
      }
      // (v128.or x (v128.and (fMxN.ne x x) (v128.const quiet bit in every lane)))
      body.u8(0x20).u8(0).u8(0x20).u8(0).u8(0x20).u8(0).u8(0xFD).u32(notEqual);
      body.u8(0xFD).u32(0x0C); // v128.const
      for (int lane = 0; lane < 16 / laneBytes; lane++) {
        for (int b = 0; b < laneBytes; b++) {
          body.u8((int) (quietBit >>> (8 * b)) & 0xFF);
        }
      }
      return body.u8(0xFD).u32(0x4E).u8(0xFD).u32(0x50).u8(0x0B).toByteArray(); // and; or
    }
  }

  /** {@code f32.const 2}. */
  private static byte[] f32Two() {
    return new byte[] {0x43, 0, 0, 0, 0x40};
  }

  /** {@code f64.const 2}. */
  private static byte[] f64Two() {
    return new byte[] {0x44, 0, 0, 0, 0, 0, 0, 0, 0x40};
  }
}
