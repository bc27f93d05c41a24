package dev.wisex.parser.analysis;

import static dev.wisex.parser.analysis.TestModules.body;
import static dev.wisex.parser.analysis.TestModules.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies that cannot be decoded fail with the fault, its byte offset and the function's index. */
class MalformedBodyTest {

  private static MalformedModuleException failure(byte[] wasm) {
    WasmModule module = ModuleParser.parse(wasm);
    return assertThrows(MalformedModuleException.class, () -> CodeScanner.scan(module));
  }

  private static void assertLocated(MalformedModuleException e, String fault) {
    String message = e.getMessage();
    assertTrue(message.contains(fault), message);
    assertTrue(message.contains("offset"), message);
    assertTrue(message.endsWith("in function 0"), message);
  }

  /** Offset of byte {@code index} of the first body, for messages that must name it exactly. */
  private static int offsetInFirstBody(byte[] wasm, int index) {
    return ModuleParser.parse(wasm).bodies().get(0).start() + index;
  }

  @Test
  void missingFinalEnd() {
    byte[] wasm = module(body(0x00, 0x41, 0x01, 0x1A));
    MalformedModuleException e = failure(wasm);
    assertEquals(
        "function body ends without its final end at offset "
            + offsetInFirstBody(wasm, 4)
            + " in function 0",
        e.getMessage());
  }

  @Test
  void nestedBlockLeftOpen() {
    assertLocated(
        failure(module(body(0x00, 0x02, 0x40, 0x01, 0x0B))), "ends without its final end");
  }

  @Test
  void bytesAfterFinalEnd() {
    byte[] wasm = module(body(0x00, 0x01, 0x0B, 0x01, 0x0B));
    MalformedModuleException e = failure(wasm);
    assertEquals(
        "unexpected bytes after the function's final end at offset "
            + offsetInFirstBody(wasm, 3)
            + " in function 0",
        e.getMessage());
  }

  @Test
  void unknownOpcodeFF() {
    byte[] wasm = module(body(0x00, 0x01, 0xFF, 0x0B));
    MalformedModuleException e = failure(wasm);
    assertEquals(
        "unknown opcode 0xFF at offset " + offsetInFirstBody(wasm, 2) + " in function 0",
        e.getMessage());
  }

  @ParameterizedTest(name = "0x{0}")
  @ValueSource(strings = {"16", "17", "1D", "1E", "27", "C5", "CF", "D7", "E0", "FA"})
  void unassignedSingleByteOpcodes(String hex) {
    int op = Integer.parseInt(hex, 16);
    assertLocated(failure(module(body(0x00, op, 0x0B))), "unknown opcode 0x" + hex);
  }

  static Stream<Arguments> unknownPrefixed() {
    return Stream.of(
        Arguments.of(new int[] {0xFC, 0x12}, "unknown opcode 0xFC 0x12"),
        Arguments.of(new int[] {0xFD, 0x9A, 0x01}, "unknown opcode 0xFD 0x9A"),
        Arguments.of(new int[] {0xFD, 0x94, 0x02}, "unknown opcode 0xFD 0x114"),
        Arguments.of(new int[] {0xFE, 0x04}, "unknown opcode 0xFE 0x04"),
        Arguments.of(new int[] {0xFE, 0x4F}, "unknown opcode 0xFE 0x4F"));
  }

  @ParameterizedTest
  @MethodSource
  void unknownPrefixed(int[] instruction, String fault) {
    int[] code = new int[instruction.length + 2];
    System.arraycopy(instruction, 0, code, 1, instruction.length);
    code[code.length - 1] = 0x0B;
    assertLocated(failure(module(body(code))), fault);
  }

  @Test
  void truncatedImmediate() {
    // i32.const whose LEB has a continuation bit but no next byte inside the body
    assertLocated(
        failure(module(body(0x00, 0x41, 0x80))),
        "unexpected end of input while reading i32 constant");
  }

  @Test
  void truncatedV128Constant() {
    assertLocated(failure(module(body(0x00, 0xFD, 0x0C, 0x01, 0x02, 0x0B))), "v128 immediate");
  }

  @Test
  void emptyBody() {
    assertLocated(failure(module(body())), "local declaration count");
  }

  @Test
  void overlongIndex() {
    assertLocated(
        failure(module(body(0x00, 0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x0B))), "integer too large");
  }

  @Test
  void memargAlignmentBeyondTheMemoryFlag() {
    assertLocated(
        failure(module(body(0x00, 0x41, 0x00, 0x28, 0x80, 0x01, 0x00, 0x1A, 0x0B))),
        "malformed memarg alignment 128");
  }

  @Test
  void atomicFenceWithNonZeroFlags() {
    assertLocated(
        failure(module(body(0x00, 0xFE, 0x03, 0x01, 0x0B))), "atomic.fence flags must be 0x00");
  }

  @Test
  void delegateWithoutTry() {
    assertLocated(failure(module(body(0x00, 0x18, 0x00, 0x0B))), "delegate outside any try block");
  }

  @Test
  void invalidCatchKind() {
    assertLocated(
        failure(module(body(0x00, 0x1F, 0x40, 0x01, 0x04, 0x00, 0x0B, 0x0B))),
        "invalid catch kind 4");
  }

  @Test
  void invalidBlockType() {
    assertLocated(failure(module(body(0x00, 0x02, 0x7A, 0x0B, 0x0B))), "invalid block type");
  }

  @Test
  void invalidHeapType() {
    assertLocated(failure(module(body(0x00, 0xD0, 0x60, 0x1A, 0x0B))), "invalid heap type");
  }

  @Test
  void invalidLocalType() {
    assertLocated(
        failure(module(body(0x01, 0x01, 0x7A, 0x0B))), "invalid value type 0x7A in local type");
  }

  @Test
  void tooManyLocals() {
    assertLocated(
        failure(module(body(0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x01, 0x7F, 0x0B))),
        "too many locals");
  }

  @Test
  void dataSegmentIndexOutOfRange() {
    assertLocated(
        failure(module(0, 1, body(0x00, 0xFC, 0x09, 0x01, 0x0B))),
        "data segment index 1 is out of range");
    assertLocated(
        failure(module(body(0x00, 0xFC, 0x09, 0x00, 0x0B))),
        "data segment index 0 is out of range");
  }

  @Test
  void functionIndexCountsImportsAndEarlierBodies() {
    byte[] good = body(0x00, 0x0B);
    byte[] bad = body(0x00, 0xFF, 0x0B);
    MalformedModuleException e = failure(module(2, 0, good, bad));
    assertTrue(e.getMessage().endsWith("in function 3"), e.getMessage());
  }

  @Test
  void validPassiveSegmentIsAccepted() {
    CodeFeatures f =
        CodeScanner.scan(ModuleParser.parse(module(0, 2, body(0x00, 0xFC, 0x09, 0x01, 0x0B))));
    assertEquals(java.util.BitSet.valueOf(new long[] {0b10}), f.droppedDataSegments());
  }
}
