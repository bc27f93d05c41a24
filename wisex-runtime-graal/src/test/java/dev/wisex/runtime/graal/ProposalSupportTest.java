package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.ExceptionsModule;
import dev.wisex.testkit.Wat;
import org.junit.jupiter.api.Test;

/**
 * What GraalWasm itself says about proposals beyond the kit's (the kit checks that claimed ones run
 * and unclaimed ones are refused).
 */
class ProposalSupportTest {
  @Test
  void theTagSectionIsRefusedByGraalWasmsParser() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                Fixtures.RUNTIME.instantiate(
                    ExceptionsModule.bytes(), HostImports.none(), InstanceConfig.defaults()));
    assertTrue(e.getMessage().startsWith("GraalWasm cannot load the module: "), e.getMessage());
  }

  /** GraalWasm refuses relaxed SIMD unless asked; the backend asks, so such modules load. */
  @Test
  void relaxedSimdInstructionsRun() {
    byte[] module = Wat.resource(ProposalSupportTest.class, "/wat/relaxed_simd_instruction.wat");
    try (WasmInstance instance =
        Fixtures.RUNTIME.instantiate(module, HostImports.none(), InstanceConfig.defaults())) {
      assertArrayEquals(new long[] {15}, instance.call("lane"));
    }
  }
}
