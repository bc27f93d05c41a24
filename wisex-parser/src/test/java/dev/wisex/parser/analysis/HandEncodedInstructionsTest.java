package dev.wisex.parser.analysis;

import static dev.wisex.parser.analysis.TestModules.body;
import static dev.wisex.parser.analysis.TestModules.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ModuleParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Encodings the bundled wat2wasm cannot produce (try_table, the final call_ref encoding, typed
 * references) or produces only in their shortest form (multi-byte LEBs, full 64-bit offsets).
 */
class HandEncodedInstructionsTest {

  private static CodeFeatures scan(byte[]... bodies) {
    return CodeScanner.scan(ModuleParser.parse(module(bodies)));
  }

  @Test
  void tryTableWithEveryCatchKindAndThrowRef() {
    CodeFeatures f =
        scan(
            body(
                0x00, // no locals
                0x1F, 0x40, 0x04, // try_table, empty block type, 4 clauses
                0x00, 0x00, 0x00, // catch tag 0 label 0
                0x01, 0x80, 0x01, 0x00, // catch_ref tag 128 label 0
                0x02, 0x00, // catch_all label 0
                0x03, 0x01, // catch_all_ref label 1
                0x0A, // throw_ref
                0x0B, // end try_table
                0x1F, 0x00, 0x00, 0x0B, // try_table with a type-index block type and no clauses
                0x0B));
    assertEquals(Set.of("exceptions"), Flags.of(f));
    assertEquals(6, f.instructionCount());
  }

  @Test
  void functionReferenceInstructions() {
    CodeFeatures f =
        scan(
            body(
                0x00, 0xD0, 0x00, // ref.null with a concrete heap type (type index 0)
                0xD4, // ref.as_non_null
                0xD5, 0x00, // br_on_null 0
                0xD6, 0x00, // br_on_non_null 0
                0x14, 0x00, // call_ref type 0
                0x15, 0x00, // return_call_ref type 0
                0x0B));
    assertEquals(Set.of("referenceTypes", "tailCalls"), Flags.of(f));
    assertEquals(7, f.instructionCount());
  }

  @Test
  void typedReferenceLocalsAndBlockTypes() {
    CodeFeatures f =
        scan(
            body(
                0x03, // three local groups
                0x01, 0x63, 0x00, // (ref null 0)
                0x02, 0x64, 0x70, // 2 x (ref func)
                0x01, 0x63, 0x6F, // (ref null extern)
                0x02, 0x63, 0x00, 0x00, 0x0B, // block (result (ref null 0)) unreachable end
                0x03, 0x64, 0x70, 0x00, 0x0B, // loop (result (ref func)) unreachable end
                0x02, 0x69, 0x00, 0x0B, // block (result exnref) unreachable end
                0x0B));
    assertEquals(Set.of(), Flags.of(f));
    assertEquals(10, f.instructionCount());
  }

  @Test
  void memargWithExplicitMemoryIndexAndFull64BitOffset() {
    CodeFeatures f =
        scan(
            body(
                0x00, 0x41, 0x00, 0x28, 0x42, 0x03, 0x80, 0x80,
                0x04, // i32.load align=2 memory 3 offset=0x10000
                0x1A, 0x42, 0x00, 0x29, 0x43, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                0xFF, 0x01, // offset 2^64-1
                0x1A, 0x0B));
    assertEquals(3, f.maxMemoryIndex());
    assertEquals(7, f.instructionCount());
  }

  @Test
  void immediateBytesThatLookLikeEndAreSkipped() {
    int[] code = new int[1 + 2 + 16 + 1 + 5 + 1 + 9 + 1 + 1];
    int i = 0;
    code[i++] = 0x00;
    code[i++] = 0xFD; // v128.const of sixteen 0x0B bytes
    code[i++] = 0x0C;
    for (int k = 0; k < 16; k++) {
      code[i++] = 0x0B;
    }
    code[i++] = 0x1A;
    code[i++] = 0x43; // f32.const
    for (int k = 0; k < 4; k++) {
      code[i++] = 0x0B;
    }
    code[i++] = 0x1A;
    code[i++] = 0x44; // f64.const
    for (int k = 0; k < 8; k++) {
      code[i++] = 0x0B;
    }
    code[i++] = 0x1A;
    code[i] = 0x0B;
    CodeFeatures f = scan(body(code));
    assertEquals(Set.of("simd"), Flags.of(f));
    assertEquals(7, f.instructionCount());
  }

  @Test
  void nonCanonicalLebEncodingsDecode() {
    CodeFeatures f =
        scan(
            body(
                0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x8B, 0x80, 0x00, 0x80,
                0x00, // memory.fill: subopcode 11 and memory 0, both padded
                0x20, 0x80, 0x80, 0x80, 0x80, 0x00, // local.get 0 in five bytes
                0x0E, 0x82, 0x00, 0x00, 0x01, 0x00, // br_table with a padded count of 2
                0x0B));
    assertEquals(Set.of("bulkMemory"), Flags.of(f));
    assertEquals(0, f.maxMemoryIndex());
    assertEquals(7, f.instructionCount());
  }

  @Test
  void wideArithmeticAndLastRelaxedSimdOpcode() {
    CodeFeatures f =
        scan(
            body(
                0x00, 0xFC, 0x13, 0xFC, 0x14, 0xFC, 0x15, 0xFC, 0x16, // i64.add128 … i64.mul_wide_u
                0xFD, 0x93, 0x02, // i32x4.relaxed_dot_i8x16_i7x16_add_s (0x113)
                0x0B));
    assertEquals(Set.of("simd"), Flags.of(f));
    assertEquals(6, f.instructionCount());
  }

  @Test
  void gcInstructionsAreRejected() {
    MalformedModuleException e =
        assertThrows(
            MalformedModuleException.class, () -> scan(body(0x00, 0xFB, 0x00, 0x00, 0x0B)));
    assertTrue(e.getMessage().startsWith("GC instructions are not supported"), e.getMessage());
    assertTrue(e.getMessage().contains("offset"), e.getMessage());
  }
}
