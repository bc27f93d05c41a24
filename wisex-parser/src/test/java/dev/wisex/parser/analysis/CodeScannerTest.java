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
