package dev.wisex.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.parser.ModuleParser;
import dev.wisex.testkit.Wat;
import java.util.BitSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Feature flags and exact instruction counts for assembled modules, one proposal family per module.
 */
class CodeScannerTest {

  private CodeFeatures scan(String name) {
    return CodeScanner.scan(ModuleParser.parse(Wat.resource(getClass(), "/wat/code/" + name)));
  }

  private static BitSet bits(int... indices) {
    BitSet set = new BitSet();
    for (int i : indices) {
      set.set(i);
    }
    return set;
  }

  @Test
  void mvpModuleSetsNoFlag() {
    CodeFeatures f = scan("mvp.wat");
    assertEquals(Set.of(), Flags.of(f));
    assertTrue(f.dataSegmentsUsed().isEmpty());
    assertTrue(f.droppedDataSegments().isEmpty());
    assertEquals(0, f.maxMemoryIndex());
    assertEquals(100, f.instructionCount());
  }

  @Test
  void moduleWithoutCodeReportsNothing() {
    CodeFeatures f = CodeScanner.scan(ModuleParser.parse(Wat.assemble("(module (memory 1))")));
    assertEquals(Set.of(), Flags.of(f));
    assertEquals(-1, f.maxMemoryIndex());
    assertEquals(0, f.instructionCount());
  }

  /**
   * The bodies that use a float min, max or rounding instruction, scalar, SIMD, relaxed or pseudo
   * (the instructions engines get wrong on NaNs): by body index, the others not, whatever their
   * other float code.
   */
  @Test
  void floatRoundingBodiesAreTheOnesThatUseAFloatMinMaxOrRounding() {
    String[] bodies = {
      "(f32.add (f32.const 1) (f32.const 2)) drop",
      "(f64.floor (f64.const 1.5)) drop",
      "(f32x4.min (v128.const f32x4 1 2 3 4) (v128.const f32x4 4 3 2 1)) drop",
      "(f64.abs (f64.sqrt (f64.const 2))) drop",
      "(f32.nearest (f32.const 2.5)) drop",
      "(f64x2.pmax (v128.const f64x2 1 2) (v128.const f64x2 2 1)) drop",
      "(f32x4.relaxed_max (v128.const f32x4 1 2 3 4) (v128.const f32x4 4 3 2 1)) drop",
      "(f64.max (f64.const 1) (f64.const 2)) drop",
      "(i32.trunc_f32_s (f32.const 1.5)) drop"
    };
    StringBuilder wat = new StringBuilder("(module");
    for (String body : bodies) {
      wat.append(" (func ").append(body).append(')');
    }
    CodeFeatures f = CodeScanner.scan(ModuleParser.parse(Wat.assemble(wat.append(')').toString())));
    assertEquals(bits(1, 2, 4, 5, 6, 7), f.floatRoundingBodies());
  }

  /** The bodies that use memory.init, memory.copy or memory.fill, by body index; data.drop not. */
  @Test
  void memoryBulkBodiesAreTheOnesThatInitCopyOrFillMemory() {
    CodeFeatures f =
        CodeScanner.scan(
            ModuleParser.parse(
                Wat.assemble(
                    "(module (memory 1) (data \"ab\")"
                        + " (func (memory.fill (i32.const 0) (i32.const 1) (i32.const 2)))"
                        + " (func (data.drop 0))"
                        + " (func (i32.store (i32.const 0) (i32.const 1)))"
                        + " (func (memory.copy (i32.const 0) (i32.const 1) (i32.const 2)))"
                        + " (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 1))))")));
    assertEquals(bits(0, 3, 4), f.memoryBulkBodies());
  }

  @Test
  void codeThatNeverTouchesMemoryReportsNoMemoryIndex() {
    CodeFeatures f =
        CodeScanner.scan(
            ModuleParser.parse(
                Wat.assemble("(module (memory 1) (func (result i32) i32.const 1))")));
    assertEquals(-1, f.maxMemoryIndex());
    assertEquals(2, f.instructionCount());
  }

  @Test
  void multiMemoryAndMemory64Memargs() {
    CodeFeatures f = scan("memories.wat");
    assertEquals(Set.of(), Flags.of(f));
    assertEquals(2, f.maxMemoryIndex());
    assertEquals(17, f.instructionCount());
  }

  @Test
  void bulkOperationsRecordSegmentIndices() {
    CodeFeatures f = scan("bulk.wat");
    assertEquals(Set.of("bulkMemory", "tableMutation"), Flags.of(f));
    assertEquals(bits(0, 1, 3), f.dataSegmentsUsed());
    assertEquals(bits(0, 3), f.droppedDataSegments());
    assertEquals(0, f.maxMemoryIndex());
    assertEquals(29, f.instructionCount());
  }

  @Test
  void referenceTypesWithoutTableMutation() {
    CodeFeatures f = scan("reftypes.wat");
    assertEquals(Set.of("referenceTypes"), Flags.of(f));
    assertEquals(-1, f.maxMemoryIndex());
    assertEquals(17, f.instructionCount());
  }

  @Test
  void simdImmediatesOfEveryShape() {
    CodeFeatures f = scan("simd.wat");
    assertEquals(Set.of("simd"), Flags.of(f));
    assertEquals(0, f.maxMemoryIndex());
    assertEquals(37, f.instructionCount());
  }

  @Test
  void v128LocalAloneNeedsSimd() {
    CodeFeatures f =
        CodeScanner.scan(ModuleParser.parse(Wat.assemble("(module (func (local i32 v128)))")));
    assertEquals(Set.of("simd"), Flags.of(f));
    assertEquals(1, f.instructionCount());
  }

  @Test
  void atomics() {
    CodeFeatures f = scan("atomics.wat");
    assertEquals(Set.of("atomics"), Flags.of(f));
    assertEquals(0, f.maxMemoryIndex());
    assertEquals(36, f.instructionCount());
  }

  @Test
  void legacyExceptionHandling() {
    CodeFeatures f = scan("exceptions.wat");
    assertEquals(Set.of("exceptions"), Flags.of(f));
    assertEquals(17, f.instructionCount());
  }

  @Test
  void tailCalls() {
    CodeFeatures f = scan("tailcalls.wat");
    assertEquals(Set.of("tailCalls"), Flags.of(f));
    assertEquals(7, f.instructionCount());
  }

  @Test
  void flagsCombineAcrossFunctions() {
    CodeFeatures f = scan("everything.wat");
    assertEquals(
        Set.of(
            "simd",
            "atomics",
            "bulkMemory",
            "referenceTypes",
            "exceptions",
            "tailCalls",
            "tableMutation"),
        Flags.of(f));
    assertEquals(bits(0), f.dataSegmentsUsed());
    assertEquals(bits(0), f.droppedDataSegments());
    assertEquals(1, f.maxMemoryIndex());
    assertEquals(28, f.instructionCount());
  }
}
