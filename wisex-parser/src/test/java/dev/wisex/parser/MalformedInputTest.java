package dev.wisex.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MalformedModuleException;
import org.junit.jupiter.api.Test;

/** Each kind of malformed input is rejected with a message that says what and where. */
class MalformedInputTest {
  private static final byte[] HEADER = {0, 0x61, 0x73, 0x6D, 1, 0, 0, 0};

  private static byte[] module(int... sectionBytes) {
    byte[] out = new byte[HEADER.length + sectionBytes.length];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    for (int i = 0; i < sectionBytes.length; i++) {
      out[HEADER.length + i] = (byte) sectionBytes[i];
    }
    return out;
  }

  private static void assertMalformed(byte[] input, String... fragments) {
    MalformedModuleException e =
        assertThrows(MalformedModuleException.class, () -> ModuleParser.parse(input));
    for (String fragment : fragments) {
      assertTrue(
          e.getMessage().contains(fragment),
          () -> "`" + e.getMessage() + "` lacks `" + fragment + "`");
    }
  }

  @Test
  void rejectsBadMagic() {
    assertMalformed(new byte[] {0, 0x61, 0x73, 0x6E, 1, 0, 0, 0}, "bad magic", "offset 0");
  }

  @Test
  void rejectsShortInput() {
    assertMalformed(new byte[] {0, 0x61, 0x73}, "header");
  }

  @Test
  void rejectsWrongVersionAndRecognisesComponents() {
    assertMalformed(new byte[] {0, 0x61, 0x73, 0x6D, 2, 0, 0, 0}, "version 2", "offset 4");
    assertMalformed(new byte[] {0, 0x61, 0x73, 0x6D, 0x0d, 0, 1, 0}, "component");
  }

  @Test
  void rejectsTruncatedSection() {
    assertMalformed(module(1, 10, 1, 0x60), "truncated", "offset 8");
  }

  @Test
  void rejectsLebOverflow() {
    // type section whose count is a 6-byte LEB128
    assertMalformed(module(1, 7, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0), "LEB128", "offset 10");
    // the fifth byte of a u32 may only use 4 bits
    assertMalformed(module(1, 6, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0), "LEB128");
  }

  @Test
  void rejectsOutOfOrderSections() {
    // memory section (5) then type section (1)
    assertMalformed(module(5, 1, 0, 1, 1, 0), "type section at offset 11", "out of order");
  }

  @Test
  void rejectsSectionSizeMismatch() {
    // type section declares 3 bytes but its one empty vector takes 1
    assertMalformed(module(1, 3, 0, 0, 0), "section size mismatch");
  }

  @Test
  void rejectsUnknownSection() {
    assertMalformed(module(14, 0), "unknown section id 14", "offset 8");
  }

  @Test
  void rejectsFunctionCodeMismatch() {
    // type [] -> [], one function declared, no code section
    assertMalformed(module(1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0), "inconsistent");
  }

  @Test
  void rejectsLyingCountWithoutAllocating() {
    // a memory section claiming 2^31-1 memories in 5 bytes
    MalformedModuleException e =
        assertThrows(
            MalformedModuleException.class,
            () -> ModuleParser.parse(module(5, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0x07)));
    assertTrue(e.getMessage().contains("count"), e.getMessage());
  }

  /** Regression (found by MalformedInputFuzzTest): an index past its space crashed later stages. */
  @Test
  void rejectsExportPastTheFunctionSpace() {
    // type [] -> [], function 0, export "f" -> function 5, code: one empty body
    assertMalformed(
        module(1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 'f', 0, 5, 10, 4, 1, 2, 0, 0x0B),
        "export `f` refers to function 5");
  }

  @Test
  void rejectsStartPastTheFunctionSpace() {
    // type [] -> [], function 0, start 1, code: one empty body
    assertMalformed(
        module(1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 8, 1, 1, 10, 4, 1, 2, 0, 0x0B),
        "the start section refers to function 1");
  }

  @Test
  void rejectsBadElementSegmentFlags() {
    // element section with one segment whose flags are 8
    assertMalformed(module(9, 2, 1, 8), "element segment flags 8", "offset 11");
  }

  @Test
  void readsCustomSectionName() {
    WasmModule m = ModuleParser.parse(module(0, 4, 3, 'a', 'b', 'c'));
    assertEquals("abc", m.sections().get(0).customName());
  }
}
