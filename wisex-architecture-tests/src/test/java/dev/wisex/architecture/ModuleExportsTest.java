package dev.wisex.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleExportsTest {

  @Test
  void readsEveryModuleDescriptor() {
    assertEquals(
        List.of(
            "dev.wisex.api",
            "dev.wisex.bench",
            "dev.wisex.cli",
            "dev.wisex.maven",
            "dev.wisex.parser",
            "dev.wisex.rewriter",
            "dev.wisex.runtime.chicory",
            "dev.wisex.runtime.graal",
            "dev.wisex.runtime.node",
            "dev.wisex.runtime.spi",
            "dev.wisex.testkit",
            "dev.wisex.wasix"),
        ModuleExports.moduleNames());
  }

  @Test
  void aPackageOfAModuleThatItDoesNotExportIsHidden() {
    assertTrue(ModuleExports.isHidden("dev.wisex.rewriter.snapshot"));
    assertTrue(ModuleExports.isHidden("dev.wisex.runtime.chicory"));
  }

  @Test
  void exportedPackagesAndPackagesOfNoModuleAreVisible() {
    assertFalse(ModuleExports.isHidden("dev.wisex.api"));
    assertFalse(ModuleExports.isHidden("dev.wisex.parser.analysis"));
    assertFalse(ModuleExports.isHidden("dev.wisex.archfixture"));
  }
}
