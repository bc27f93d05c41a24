package dev.wisex.parser.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.testkit.Wat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exports a backend adds take names the module leaves free, the start function becomes one of
 * them with the start section gone, memory 0 is exported only where the module does not, and a
 * module that needs none comes back as it was.
 */
class ReservedExportsTest {
  @Test
  void startAndMemoryZeroAreExportedUnderFreeNamesAndTheStartSectionGoes() {
    WasmModule module =
        ModuleParser.parse(
            Wat.assemble(
                "(module (memory 1) (func $s) (start $s)"
                    + " (func (export \"__start\")) (func (export \"__start_2\")))"));
    ReservedExports added = new ReservedExports(module);

    assertEquals("__start_3", added.start("__start"));
    assertEquals("__memory0", added.memoryZero("__memory0"));
    assertTrue(added.isReserved("__start_3"));
    assertFalse(added.isReserved("__start"), "the module's own export");

    WasmModule out = ModuleParser.parse(added.assemble(Map.of()));
    assertEquals(-1, out.start());
    assertEquals(
        List.of(
            new Export("__start", ExternalKind.FUNCTION, 1),
            new Export("__start_2", ExternalKind.FUNCTION, 2),
            new Export("__start_3", ExternalKind.FUNCTION, 0),
            new Export("__memory0", ExternalKind.MEMORY, 0)),
        out.exports());
  }

  @Test
  void theModulesOwnExportOfMemoryZeroIsUsedAndNothingChangesWithoutAStart() {
    byte[] bytes = Wat.assemble("(module (memory (export \"mem\") 1) (func (export \"f\")))");
    ReservedExports added = new ReservedExports(ModuleParser.parse(bytes));

    assertNull(added.start("__start"));
    assertEquals("mem", added.memoryZero("__memory0"));
    assertEquals(List.of(), added.added());
    assertArrayEquals(bytes, added.assemble(Map.of()));
  }

  @Test
  void aModuleWithoutMemoryHasNoMemoryZero() {
    ReservedExports added =
        new ReservedExports(ModuleParser.parse(Wat.assemble("(module (func (export \"f\")))")));
    assertNull(added.memoryZero("__memory0"));
  }
}
