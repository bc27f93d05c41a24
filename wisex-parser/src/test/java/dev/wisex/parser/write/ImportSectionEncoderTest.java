package dev.wisex.parser.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Import;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.testkit.Wat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rewrite keeps memory imports but changes their limits; every other import is copied. */
class ImportSectionEncoderTest {
  private static final byte[] INPUT =
      Wat.assemble(
          """
          (module
            (import "env" "f" (func (param i32)))
            (import "env" "memory" (memory 1 8 shared))
            (import "env" "t" (table 2 funcref))
            (import "env" "g" (global (mut i64)))
            (import "env" "m2" (memory 2)))
          """);

  @Test
  void raisesMemoryMinimumsAndCopiesEverythingElse() {
    WasmModule module = ModuleParser.parse(INPUT);
    List<MemoryType> raised =
        List.of(
            module.imports(ExternalKind.MEMORY).get(0).memory().withMinimum(5),
            module.imports(ExternalKind.MEMORY).get(1).memory().withMinimum(300));
    byte[] output =
        ModuleAssembler.assemble(
            module,
            Map.of(Section.IMPORT, ImportSectionEncoder.withMemories(module, raised)),
            Set.of());
    WasmModule rewritten = ModuleParser.parse(output);
    assertEquals(
        raised, rewritten.imports(ExternalKind.MEMORY).stream().map(Import::memory).toList());
    List<Import> before = module.imports();
    List<Import> after = rewritten.imports();
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).kind() != ExternalKind.MEMORY) {
        assertEquals(before.get(i), after.get(i));
      }
    }
  }

  @Test
  void unchangedTypesGiveTheSameBytes() {
    WasmModule module = ModuleParser.parse(INPUT);
    List<MemoryType> same =
        module.imports(ExternalKind.MEMORY).stream().map(Import::memory).toList();
    byte[] output =
        ModuleAssembler.assemble(
            module,
            Map.of(Section.IMPORT, ImportSectionEncoder.withMemories(module, same)),
            Set.of());
    assertArrayEquals(INPUT, output);
  }

  @Test
  void refusesAWrongNumberOfMemoryTypes() {
    WasmModule module = ModuleParser.parse(INPUT);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ImportSectionEncoder.withMemories(
                module, List.of(module.imports(ExternalKind.MEMORY).get(0).memory())));
  }
}
