package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.testkit.Wat;
import dev.wisex.testkit.conformance.ConformanceModules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleInfoTest {
  @Test
  void aModuleWithoutStartAndWithItsMemoryExportedIsLeftAlone() {
    byte[] module = ConformanceModules.wasm("memory");
    ModuleInfo info = ModuleInfo.read(module);
    assertSame(module, info.prepared());
    assertEquals("memory", info.memoryExport());
    assertNull(info.startExport());
  }

  @Test
  void theStartSectionBecomesAnExportEvenWithoutAnExportSection() {
    byte[] module = Wat.assemble("(module (memory 1) (func $s) (start $s))");
    ModuleInfo info = ModuleInfo.read(module);
    assertEquals("__wisex_graal_start", info.startExport());
    assertEquals("__wisex_graal_memory0", info.memoryExport());
    ModuleInfo again = ModuleInfo.read(info.prepared());
    assertNull(again.startExport());
    assertEquals(
        new Export("__wisex_graal_start", ExternalKind.FUNCTION, 0),
        again.export("__wisex_graal_start"));
    assertEquals(
        new Export("__wisex_graal_memory0", ExternalKind.MEMORY, 0),
        again.export("__wisex_graal_memory0"));
    assertEquals("__wisex_graal_memory0", again.memoryExport());
  }

  @Test
  void reservedNamesNeverCollideWithTheModulesOwn() {
    byte[] module = Wat.assemble("(module (func $s (export \"__wisex_graal_start\")) (start $s))");
    assertEquals("__wisex_graal_start_2", ModuleInfo.read(module).startExport());
  }

  @Test
  void readsSignaturesOfImportedAndDefinedFunctionsAndGlobalTypes() {
    byte[] module =
        Wat.assemble(
            "(module (import \"env\" \"f\" (func (param i64) (result f32)))"
                + " (global (mut f64) (f64.const 1)) (global v128 (v128.const i64x2 1 2))"
                + " (func (export \"g\") (param i32 v128)))");
    ModuleInfo info = ModuleInfo.read(module);
    assertEquals(FuncType.of(List.of(ValType.I64), List.of(ValType.F32)), info.functionType(0));
    assertEquals(FuncType.of(List.of(ValType.I32, ValType.V128), List.of()), info.functionType(1));
    assertEquals(ValType.F64, info.globalType(0));
    assertEquals(ValType.V128, info.globalType(1));
    assertNotNull(info.export("g"));
  }

  @Test
  void malformedBytesAreHandedOnUnchanged() {
    byte[] garbage = {0, 'a', 's', 'm', 1, 0, 0, 0, 8, 5, 0};
    assertArrayEquals(garbage, ModuleInfo.read(garbage).prepared());
  }
}
