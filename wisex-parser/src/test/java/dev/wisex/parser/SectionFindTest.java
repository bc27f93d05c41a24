package dev.wisex.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.testkit.Wat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Section#find} walks the section headers alone; it must find every section where the full
 * parser does, answer {@code null} for one that is absent, and reject the malformed headers the
 * parser rejects.
 */
class SectionFindTest {
  private static final byte[] MODULE =
      Wat.assemble(
          """
          (module
            (import "env" "f" (func))
            (memory 1)
            (global (mut i32) (i32.const 7))
            (func (export "g") (global.set 0 (i32.const 8)))
            (data (i32.const 16) "abc"))
          """);

  @Test
  void findsEverySectionWhereTheParserDoes() {
    WasmModule parsed = ModuleParser.parse(MODULE);
    for (Section section : parsed.sections()) {
      if (section.id() != Section.CUSTOM) {
        Section found = Section.find(MODULE, section.id());
        assertEquals(section.start(), found.start(), Section.nameOf(section.id()));
        assertEquals(section.contentStart(), found.contentStart(), Section.nameOf(section.id()));
        assertEquals(section.end(), found.end(), Section.nameOf(section.id()));
      }
    }
    assertNull(Section.find(MODULE, Section.TABLE));
    assertNull(Section.find(MODULE, Section.START));
  }

  @Test
  void rejectsWhatTheParserRejects() {
    // The code section's size claims more bytes than the module has.
    Section code = Section.find(MODULE, Section.CODE);
    byte[] truncated = Arrays.copyOf(MODULE, code.end() - 1);
    assertThrows(MalformedModuleException.class, () -> ModuleParser.parse(truncated));
    assertThrows(MalformedModuleException.class, () -> Section.find(truncated, Section.DATA));
    assertThrows(
        MalformedModuleException.class, () -> Section.find(new byte[] {0, 'a', 's'}, Section.CODE));
  }
}
